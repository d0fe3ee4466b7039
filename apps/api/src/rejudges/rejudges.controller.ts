import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { ChallengeVersionSummaryDto, CreateRejudgeDto, RejudgeReportDto } from './dto/rejudge.dto.js';
import { RejudgesService } from './rejudges.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('rejudges')
@Controller('v1')
export class RejudgesController {
  constructor(private readonly rejudges: RejudgesService) {}

  @Get('assessments/:id/items/:itemId/versions')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: "Versions of an item's challenge: which one it is pinned to, which is current" })
  @ApiOkResponse({ type: [ChallengeVersionSummaryDto] })
  @ApiNotFoundResponse({ description: 'No such item in an assessment of your organisation' })
  versions(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
  ): Promise<ChallengeVersionSummaryDto[]> {
    return this.rejudges.versions(staff, id, itemId);
  }

  @Post('assessments/:id/rejudges')
  @StaffOnly()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: "Admins: judge every candidate's final submission of an item again against another version",
  })
  @ApiCreatedResponse({ type: RejudgeReportDto })
  @ApiUnprocessableEntityResponse({ description: 'Not a version of the challenge, or nothing submitted yet' })
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Body() body: CreateRejudgeDto,
  ): Promise<RejudgeReportDto> {
    return this.rejudges.create(staff, id, body);
  }

  @Get('assessments/:id/rejudges')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: 'Rejudges of an assessment, newest first, each with its report' })
  @ApiOkResponse({ type: [RejudgeReportDto] })
  list(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<RejudgeReportDto[]> {
    return this.rejudges.list(staff, id);
  }

  @Get('rejudges/:id')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: 'A rejudge: each submission judged before and after, and which scores changed' })
  @ApiOkResponse({ type: RejudgeReportDto })
  report(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<RejudgeReportDto> {
    return this.rejudges.report(staff, id);
  }
}
