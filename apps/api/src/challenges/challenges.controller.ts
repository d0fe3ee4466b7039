import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { ChallengesService } from './challenges.service.js';
import {
  ChallengeDetailDto,
  ChallengeFilterDto,
  ChallengeSummaryDto,
  UploadChallengeResultDto,
} from './dto/challenge.dto.js';

@ApiTags('challenges')
@Controller('v1/challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Get()
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: 'The bank and your own challenges, filtered by type, competency and difficulty' })
  @ApiOkResponse({ type: [ChallengeSummaryDto] })
  list(@CurrentStaff() staff: StaffPrincipal, @Query() filter: ChallengeFilterDto): Promise<ChallengeSummaryDto[]> {
    return this.challenges.list(staff, filter);
  }

  @Get(':slug')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOkResponse({ type: ChallengeDetailDto })
  get(@CurrentStaff() staff: StaffPrincipal, @Param('slug') slug: string): Promise<ChallengeDetailDto> {
    return this.challenges.get(staff, slug.slice(0, 100));
  }

  /** The body is a package (`{ files: [{path, content}], contentHash }`), validated by the challenge kit. */
  @Post()
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Upload a challenge package, private to your organisation' })
  @ApiCreatedResponse({ type: UploadChallengeResultDto })
  @ApiBadRequestResponse({ description: 'Every problem of the package, with file and field' })
  upload(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<UploadChallengeResultDto> {
    return this.challenges.upload(staff, body);
  }
}
