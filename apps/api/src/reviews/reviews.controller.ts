import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { ReviewsService } from './reviews.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('review')
@Controller('v1')
@StaffOnly('recruiter', 'interviewer')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('assessments/:id/sessions')
  @ApiOperation({ summary: 'Sessions of an assessment with status and scores' })
  sessions(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string) {
    return this.reviews.results(staff, id);
  }

  @Get('assessments/:id/results')
  @ApiOperation({ summary: 'Ranked results: total, percentile, score per competency, items' })
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

  @Get('sessions/:id')
  @ApiOperation({ summary: 'A session: items, final submissions with code and per-test results' })
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
}
