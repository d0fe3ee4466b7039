import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import {
  CompareDto,
  CompareQueryDto,
  ReviewDto,
  SaveReviewDto,
  ScoreChangeDto,
  ScoreOverrideDto,
  ScoreOverrideResultDto,
  SessionResultDto,
} from './dto/review.dto.js';
import { ReviewsService } from './reviews.service.js';
import { SessionReviewService } from './session-review.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('review')
@Controller('v1')
@StaffOnly('recruiter', 'interviewer')
@ApiNotFoundResponse({ description: 'No such assessment, session or item in your organisation' })
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly sessionReviews: SessionReviewService,
  ) {}

  @Get('assessments/:id/sessions')
  @ApiOperation({ summary: 'Sessions of an assessment with status and scores' })
  @ApiOkResponse({ type: [SessionResultDto] })
  sessions(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string) {
    return this.reviews.results(staff, id);
  }

  @Get('assessments/:id/results')
  @ApiOperation({ summary: 'Ranked results: total, percentile, score per competency, items, decisions' })
  @ApiOkResponse({ type: [SessionResultDto] })
  results(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string) {
    return this.reviews.results(staff, id);
  }

  @Get('assessments/:id/results.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="assessment-results.csv"')
  @ApiOperation({ summary: 'The ranked results as CSV' })
  resultsCsv(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<string> {
    return this.reviews.resultsCsv(staff, id);
  }

  @Get('assessments/:id/compare')
  @ApiOperation({ summary: '2–4 sessions side by side: totals, percentiles, competencies, items, decisions' })
  @ApiOkResponse({ type: CompareDto })
  @ApiBadRequestResponse({ description: 'Fewer than 2 or more than 4 sessions, repeated or malformed ids' })
  compare(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Query() query: CompareQueryDto,
  ): Promise<CompareDto> {
    return this.reviews.compare(staff, id, query.sessions ?? query.sessionIds);
  }

  @Get('sessions/:id')
  @ApiOperation({
    summary: 'A session: items with rubrics, final submissions with code, tests and comments, reviews, score audit',
  })
  session(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string) {
    return this.reviews.session(staff, id);
  }

  @Get('sessions/:id/items/:itemId/playback')
  @ApiOperation({ summary: 'Snapshots of how an answer was written, oldest first' })
  playback(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
  ) {
    return this.reviews.playback(staff, id, itemId);
  }

  @Put('sessions/:id/review')
  @StaffOnly('interviewer')
  @ApiOperation({ summary: 'Create or replace your review: rubric ratings per item, decision, summary' })
  @ApiOkResponse({ type: ReviewDto })
  @ApiConflictResponse({ description: 'The session is still in progress' })
  @ApiUnprocessableEntityResponse({ description: 'Ratings that are not levels of the item’s rubric' })
  saveReview(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Body() body: SaveReviewDto,
  ): Promise<ReviewDto> {
    return this.sessionReviews.saveReview(staff, id, body);
  }

  @Get('sessions/:id/reviews')
  @ApiOperation({ summary: 'Every interviewer’s review of the session' })
  @ApiOkResponse({ type: [ReviewDto] })
  reviewsOf(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<ReviewDto[]> {
    return this.sessionReviews.list(staff, id);
  }

  @Post('sessions/:id/items/:itemId/score-override')
  @StaffOnly('interviewer')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Override an item’s score with a reason (score null removes the override)' })
  @ApiCreatedResponse({ type: ScoreOverrideResultDto })
  @ApiConflictResponse({ description: 'The session is in progress, or there is no override to remove' })
  overrideScore(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Body() body: ScoreOverrideDto,
  ): Promise<ScoreOverrideResultDto> {
    return this.sessionReviews.overrideScore(staff, id, itemId, body);
  }

  @Get('sessions/:id/score-audit')
  @ApiOperation({ summary: 'Every change of the session’s item scores, oldest first' })
  @ApiOkResponse({ type: [ScoreChangeDto] })
  scoreAudit(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<ScoreChangeDto[]> {
    return this.reviews.audit(staff, id);
  }
}
