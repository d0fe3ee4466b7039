import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CandidateOnly, CurrentCandidate } from '../access/access.decorators.js';
import type { CandidatePrincipal } from '../access/principal.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { AcceptedSubmissionDto, RunCodeDto, SubmissionResultDto, SubmitDto } from './dto/submission.dto.js';
import { SubmissionsService } from './submissions.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('candidate')
@Controller('v1/candidate')
@CandidateOnly()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('session/items/:itemId/runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimited('submission')
  @ApiOperation({ summary: 'Run the sample tests (not scored); results stream over /live' })
  @ApiAcceptedResponse({ type: AcceptedSubmissionDto })
  @ApiConflictResponse({ description: 'The session is finished' })
  run(
    @CurrentCandidate() candidate: CandidatePrincipal,
    @Param('itemId', uuid) itemId: string,
    @Body() body: RunCodeDto,
  ): Promise<AcceptedSubmissionDto> {
    return this.submissions.accept(candidate, itemId, 'run', body);
  }

  @Post('session/items/:itemId/submissions')
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimited('submission')
  @ApiOperation({ summary: 'Submit for scoring against every test; the last submission counts' })
  @ApiAcceptedResponse({ type: AcceptedSubmissionDto })
  @ApiConflictResponse({ description: 'The session is finished' })
  submit(
    @CurrentCandidate() candidate: CandidatePrincipal,
    @Param('itemId', uuid) itemId: string,
    @Body() body: SubmitDto,
  ): Promise<AcceptedSubmissionDto> {
    return this.submissions.accept(candidate, itemId, 'final', body);
  }

  @Get('submissions/:id')
  @ApiOkResponse({ type: SubmissionResultDto })
  result(
    @CurrentCandidate() candidate: CandidatePrincipal,
    @Param('id', uuid) id: string,
  ): Promise<SubmissionResultDto> {
    return this.submissions.result(candidate, id);
  }
}
