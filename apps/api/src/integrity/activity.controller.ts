import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CandidateOnly, CurrentCandidate } from '../access/access.decorators.js';
import type { CandidatePrincipal } from '../access/principal.js';
import { ActivityRateLimitGuard } from './activity-rate-limit.guard.js';
import { ActivityRecorder } from './activity-recorder.service.js';
import { RecordedActivityDto, ReportActivityDto } from './dto/report-activity.dto.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('candidate')
@Controller('v1/candidate')
@CandidateOnly()
export class ActivityController {
  constructor(private readonly recorder: ActivityRecorder) {}

  @Post('session/items/:itemId/activity')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ActivityRateLimitGuard)
  @ApiOperation({
    summary: 'Report editor events on an item (pastes with their size, focus lost and returned, large insertions)',
  })
  @ApiOkResponse({ type: RecordedActivityDto })
  @ApiConflictResponse({ description: 'The session is finished, or its activity log is full' })
  @ApiTooManyRequestsResponse({ description: 'Too many reports from this session; retry after Retry-After seconds' })
  report(
    @CurrentCandidate() candidate: CandidatePrincipal,
    @Param('itemId', uuid) itemId: string,
    @Body() body: ReportActivityDto,
  ): Promise<RecordedActivityDto> {
    return this.recorder.record(candidate, itemId, body);
  }
}
