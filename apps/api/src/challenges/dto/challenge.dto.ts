import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CHALLENGE_VERIFICATIONS, type ChallengeVerificationState } from '@app/db';

export const DIFFICULTY_FILTER = ['easy', 'medium', 'hard'] as const;

export class ChallengeFilterDto {
  @ApiPropertyOptional({ example: 'coding' })
  @IsOptional()
  @Matches(/^[a-z-]{2,40}$/, { message: 'type must be a challenge type such as coding, sql, quiz' })
  type?: string;

  @ApiPropertyOptional({ example: 'architecture' })
  @IsOptional()
  @Matches(/^[a-z-]{2,40}$/, { message: 'competency must be a competency id such as api-design' })
  competency?: string;

  @ApiPropertyOptional({ enum: DIFFICULTY_FILTER })
  @IsOptional()
  @IsIn(DIFFICULTY_FILTER, { message: `difficulty must be one of ${DIFFICULTY_FILTER.join(', ')}` })
  difficulty?: (typeof DIFFICULTY_FILTER)[number];
}

export class ChallengeSummaryDto {
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: DIFFICULTY_FILTER }) difficulty!: string;
  @ApiProperty({ type: [String] }) competencies!: string[];
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty({ description: 'Current version number' }) version!: number;
  @ApiProperty({ description: 'True for your organisation’s own challenges' }) private!: boolean;
}

export class VerificationProblemDto {
  @ApiProperty({ description: 'The package file concerned' }) file!: string;
  @ApiProperty({ description: 'What was expected of it and what happened' }) message!: string;
}

export class ChallengeDetailDto extends ChallengeSummaryDto {
  @ApiProperty({
    enum: CHALLENGE_VERIFICATIONS,
    description:
      'pending until the judge has run the solutions of an uploaded code or SQL challenge; only verified versions go into assessments',
  })
  verification!: ChallengeVerificationState;

  @ApiProperty({ type: [VerificationProblemDto], description: 'Every problem found when rejected' })
  problems!: VerificationProblemDto[];

  @ApiProperty({
    description: 'Statement, starter code, sample tests and public material; never hidden tests or solutions',
    type: Object,
  })
  content!: Record<string, unknown>;
}

export class UploadChallengeResultDto {
  @ApiProperty() slug!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'False when the same content was already there' }) created!: boolean;
  @ApiProperty({ enum: CHALLENGE_VERIFICATIONS }) verification!: ChallengeVerificationState;
  @ApiProperty({ type: [VerificationProblemDto] }) problems!: VerificationProblemDto[];
}
