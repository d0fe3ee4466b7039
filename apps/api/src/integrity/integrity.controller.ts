import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { IntegrityReportDto, TimelineDto } from './dto/integrity.dto.js';
import { IntegritySettingsDto } from './dto/report-activity.dto.js';
import { IntegrityReviewService } from './integrity-review.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('integrity')
@Controller('v1')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityReviewService) {}

  @Get('assessments/:id/integrity')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({
    summary: 'Similarity flags with their evidence (both candidates, score, matched regions) and timeline signals',
  })
  @ApiOkResponse({ type: IntegrityReportDto })
  report(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<IntegrityReportDto> {
    return this.integrity.report(staff, id);
  }

  @Get('sessions/:id/timeline')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: 'Snapshots, editor events, runs and submissions in order, with derived signals' })
  @ApiOkResponse({ type: TimelineDto })
  timeline(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<TimelineDto> {
    return this.integrity.timeline(staff, id);
  }

  @Get('organization/integrity-settings')
  @StaffOnly()
  @ApiOkResponse({ type: IntegritySettingsDto })
  settings(@CurrentStaff() staff: StaffPrincipal): Promise<IntegritySettingsDto> {
    return this.integrity.settings(staff);
  }

  @Put('organization/integrity-settings')
  @StaffOnly()
  @ApiOperation({ summary: 'Allow or stop comparing with other organisations (anonymised); admins only' })
  @ApiOkResponse({ type: IntegritySettingsDto })
  updateSettings(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: IntegritySettingsDto,
  ): Promise<IntegritySettingsDto> {
    return this.integrity.updateSettings(staff, body);
  }
}
