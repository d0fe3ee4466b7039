import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

export class StartSessionDto {
  @ApiProperty({ description: 'The token from the invite link' })
  @IsString()
  @Length(43, 43, { message: 'inviteToken is not an invite token' })
  inviteToken!: string;
}

export const CODE_LANGUAGES = ['javascript', 'typescript', 'sql'] as const;
export const MAX_CODE_LENGTH = 200_000;

/** Either code in a language, or a structured answer (design, review, quiz items). */
export class SaveDraftDto {
  @ApiPropertyOptional({ enum: CODE_LANGUAGES })
  @ValidateIf((draft: SaveDraftDto) => draft.answer === undefined)
  @IsIn(CODE_LANGUAGES, { message: `language must be one of ${CODE_LANGUAGES.join(', ')}` })
  language?: (typeof CODE_LANGUAGES)[number];

  @ApiPropertyOptional({ maxLength: MAX_CODE_LENGTH })
  @ValidateIf((draft: SaveDraftDto) => draft.answer === undefined)
  @IsString()
  @MaxLength(MAX_CODE_LENGTH)
  code?: string;

  @ApiPropertyOptional({ description: 'Structured answer of a non-code item (a JSON object)', type: Object })
  @IsOptional()
  @IsObject({ message: 'answer must be a JSON object' })
  answer?: Record<string, unknown>;
}

export class SessionItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() challengeSlug!: string;
  @ApiProperty() type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['not_started', 'draft_saved', 'submitted'] }) status!: string;
  @ApiProperty({
    description: 'Statement, starter code, sample tests and public material of the challenge',
    type: Object,
  })
  content!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The last autosaved work', type: Object, nullable: true })
  draft!: { language: string | null; code: string | null; answer: unknown; updatedAt: Date } | null;
}

export class RecordingNoticeDto {
  @ApiProperty({ type: [String], description: 'What is recorded while the candidate works' }) recorded!: string[];
  @ApiProperty({ description: 'Why, and what is done with it: shown before the candidate starts' }) notice!: string;
}

export class CandidateSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['in_progress', 'finished'] }) status!: string;
  @ApiProperty() startedAt!: Date;
  @ApiProperty() deadline!: Date;
  @ApiProperty({ description: 'Seconds left before the deadline, 0 once passed' }) remainingSeconds!: number;
  @ApiProperty({ type: [SessionItemDto] }) items!: SessionItemDto[];
  @ApiProperty({ type: RecordingNoticeDto }) recording!: RecordingNoticeDto;
}

export class StartedSessionDto {
  @ApiProperty({ description: 'Bearer token for the candidate routes, valid until the deadline' })
  sessionToken!: string;
  @ApiProperty({ type: CandidateSessionDto }) session!: CandidateSessionDto;
}
