import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { StaffUserDto } from '../auth/dto/auth-session.dto.js';
import { CreateMemberDto } from './dto/create-member.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@Controller('v1/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post()
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Add a member of staff to your organisation' })
  @ApiCreatedResponse({ type: StaffUserDto })
  @ApiConflictResponse({ description: 'An account with this e-mail address exists' })
  add(@CurrentStaff() admin: StaffPrincipal, @Body() body: CreateMemberDto): Promise<StaffUserDto> {
    return this.members.add(admin, body);
  }

  @Get()
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: 'List the members of your organisation' })
  @ApiOkResponse({ type: [StaffUserDto] })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<StaffUserDto[]> {
    return this.members.list(staff);
  }
}
