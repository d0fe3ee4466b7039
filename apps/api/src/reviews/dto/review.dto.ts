import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HIRE_DECISIONS } from '@app/db';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CreateCommentDto {
  @ApiProperty({ minimum: 1, description: 'Line of the submitted code, from 1' })
  @IsInt({ message: 'line must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  line!: number;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  body!: string;

  @ApiPropertyOptional({ description: 'File of the answer; a code answer has one, `main` (the default)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._/-]{1,200}$/, { message: 'file must be a file name (letters, digits, . _ / -)' })
  file?: string;
}

export class UpdateCommentDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'line must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  line?: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 5000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  body?: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() file!: string;
  @ApiProperty() line!: number;
  @ApiProperty() body!: string;
  @ApiProperty({ type: PersonDto }) author!: PersonDto;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() edited!: boolean;
}

export class SaveReviewDto {
  @ApiProperty({ enum: HIRE_DECISIONS })
  @IsIn(HIRE_DECISIONS, { message: `decision must be one of ${HIRE_DECISIONS.join(', ')}` })
  decision!: (typeof HIRE_DECISIONS)[number];

  @ApiProperty({ maxLength: 10000, description: 'The interviewer’s summary (may be empty)' })
  @IsString()
  @MaxLength(10000)
  summary!: string;

  @ApiPropertyOptional({
    type: Object,
    description:
      'By item id, by criterion id of that item’s rubric: { score: one of the criterion’s level scores, note? }',
    example: { '00000000-0000-4000-8000-000000000000': { correctness: { score: 3, note: 'misses empty input' } } },
  })
  @IsOptional()
  @IsObject({ message: 'rubric must be an object: item id -> criterion id -> { score, note? }' })
  rubric?: Record<string, unknown>;
}

export class ReviewItemScoreDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ description: 'Weighted rubric score 0..1 (unrated criteria count as 0)' }) rubricScore!: number;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: [String] }) missing!: string[];
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: PersonDto }) reviewer!: PersonDto;
  @ApiProperty({ enum: HIRE_DECISIONS }) decision!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: Object }) rubric!: Record<string, unknown>;
  @ApiProperty({ type: [ReviewItemScoreDto] }) items!: ReviewItemScoreDto[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class ScoreOverrideDto {
  @ApiProperty({
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'The new score 0..1, or null to remove the override',
  })
  @ValidateIf((body: ScoreOverrideDto) => body.score !== null)
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 5 },
    { message: 'score must be a number from 0 to 1, or null' },
  )
  @Min(0)
  @Max(1)
  score!: number | null;

  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class ScoreChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ nullable: true, description: 'The score that counted before' }) from!: number | null;
  @ApiProperty({ nullable: true, description: 'The override set; null when it was removed' }) to!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: PersonDto }) by!: PersonDto;
  @ApiProperty() at!: Date;
}

export class ScoreOverrideResultDto extends ScoreChangeDto {
  @ApiProperty({ nullable: true, description: 'The computed score, which an override never changes' })
  originalScore!: number | null;
}

export class CompareQueryDto {
  @ApiPropertyOptional({ description: '2–4 session ids of this assessment, comma-separated' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  sessions?: string;

  @ApiPropertyOptional({ description: 'Same as sessions' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  sessionIds?: string;
}

export class OverrideInfoDto {
  @ApiProperty() score!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: PersonDto }) by!: PersonDto;
  @ApiProperty() at!: Date;
}

export class ItemResultDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() challengeSlug!: string;
  @ApiProperty() challengeVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty() type!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: [String] }) competencies!: string[];
  @ApiProperty({ enum: ['not_submitted', 'judging', 'scored', 'pending_review'] }) status!: string;
  @ApiProperty({ nullable: true, description: 'The score that counts, 0..1' }) score!: number | null;
  @ApiProperty({ nullable: true, description: 'The computed score, 0..1' }) autoScore!: number | null;
  @ApiProperty() overridden!: boolean;
  @ApiProperty({ type: OverrideInfoDto, nullable: true }) override!: OverrideInfoDto | null;
  @ApiProperty({ nullable: true }) verdict!: string | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) submissionId!: string | null;
  @ApiProperty({ nullable: true, description: 'Among everyone who submitted this challenge version, 0..100' })
  versionPercentile!: number | null;
}

export class DecisionDto {
  @ApiProperty({ type: PersonDto }) reviewer!: PersonDto;
  @ApiProperty({ enum: HIRE_DECISIONS }) decision!: string;
}

export class SessionResultDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty() candidateEmail!: string;
  @ApiProperty({ enum: ['in_progress', 'finished'] }) status!: string;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ nullable: true }) finishedAt!: Date | null;
  @ApiProperty({ description: 'Weighted total, 0..100' }) total!: number;
  @ApiProperty({ nullable: true, description: 'Within the assessment, 0..100' }) percentile!: number | null;
  @ApiProperty({ type: Object, description: 'Competency id -> 0..100' }) competencies!: Record<string, number>;
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @ApiProperty({ type: [ItemResultDto] }) items!: ItemResultDto[];
}

export class CompareItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() challengeSlug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() type!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: [String] }) competencies!: string[];
}

export class CompareDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ type: [CompareItemDto] }) items!: CompareItemDto[];
  @ApiProperty({ type: [String] }) competencies!: string[];
  @ApiProperty({ type: [SessionResultDto], description: 'In the order asked' }) candidates!: SessionResultDto[];
}
