import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentDto, InviteDto } from './dto/assessment.dto.js';
import { CreateAssessmentDto, CreateInviteDto } from './dto/create-assessment.dto.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('assessments')
@Controller('v1/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @StaffOnly('recruiter')
  @ApiOperation({ summary: 'Build an assessment from challenges of the bank' })
  @ApiCreatedResponse({ type: AssessmentDto })
  create(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateAssessmentDto): Promise<AssessmentDto> {
    return this.assessments.create(staff, body);
  }

  @Get()
  @StaffOnly('recruiter', 'interviewer')
  @ApiOkResponse({ type: [AssessmentDto] })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<AssessmentDto[]> {
    return this.assessments.list(staff);
  }

  @Get(':id')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOkResponse({ type: AssessmentDto })
  @ApiNotFoundResponse({ description: 'No such assessment in your organisation' })
  get(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<AssessmentDto> {
    return this.assessments.get(staff, id);
  }

  @Post(':id/invites')
  @StaffOnly('recruiter')
  @ApiOperation({ summary: 'Invite a candidate; the token is shown only in this response' })
  @ApiCreatedResponse({ type: InviteDto })
  invite(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Body() body: CreateInviteDto,
  ): Promise<InviteDto> {
    return this.assessments.invite(staff, id, body);
  }
}
