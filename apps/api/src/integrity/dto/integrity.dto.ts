import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_EVENT_KINDS } from '@app/contracts';
import { SIGNAL_KINDS } from '../integrity-signals.js';

export class IntegrityReviewMarkDto {
  @ApiProperty({ description: 'A person should look at this session before trusting its score' }) suggested!: boolean;
  @ApiProperty({ type: [String], description: 'Why, in words: similarity flags and timeline signals' })
  reasons!: string[];
}

export class IntegritySignalDto {
  @ApiProperty({ enum: SIGNAL_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() at!: Date;
  @ApiProperty() reason!: string;
}

export class RegionSideDto {
  @ApiProperty({ description: 'First line, 1-based' }) start!: number;
  @ApiProperty({ description: 'Last line, included' }) end!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The lines themselves (at most 200); null for a submission of another organisation',
  })
  excerpt!: string | null;
}

export class MatchedRegionDto {
  @ApiProperty({ type: RegionSideDto }) a!: RegionSideDto;
  @ApiProperty({ type: RegionSideDto }) b!: RegionSideDto;
  @ApiProperty({ description: 'Shared fingerprints supporting the region: more is stronger evidence' })
  fingerprints!: number;
}

export class FlagSideDto {
  @ApiProperty({ description: 'False for a submission of another organisation: then only these fields are set' })
  sameOrganization!: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) submissionId?: string;
  @ApiPropertyOptional() candidateName?: string;
  @ApiPropertyOptional() candidateEmail?: string;
  @ApiPropertyOptional({ format: 'uuid' }) assessmentId?: string;
  @ApiPropertyOptional() assessmentTitle?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) language?: string | null;
  @ApiPropertyOptional() submittedAt?: Date;
  @ApiPropertyOptional({ description: 'The whole final code, for the side-by-side view' }) code?: string;
}

export class SimilarityFlagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() challengeSlug!: string;
  @ApiProperty() challengeTitle!: string;
  @ApiProperty({ description: '0..1: share of the smaller submission found in the other' }) score!: number;
  @ApiProperty({ description: 'The threshold the pair was flagged at' }) threshold!: number;
  @ApiProperty() sharedFingerprints!: number;
  @ApiProperty({ type: FlagSideDto, description: 'A candidate of this assessment' }) a!: FlagSideDto;
  @ApiProperty({ type: FlagSideDto, description: 'The submission it resembles' }) b!: FlagSideDto;
  @ApiProperty({ type: [MatchedRegionDto] }) regions!: MatchedRegionDto[];
  @ApiProperty() flaggedAt!: Date;
}

export class SessionIntegrityDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty({ type: IntegrityReviewMarkDto }) integrityReview!: IntegrityReviewMarkDto;
  @ApiProperty({ type: [IntegritySignalDto] }) signals!: IntegritySignalDto[];
}

export class IntegrityReportDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ type: [SimilarityFlagDto], description: 'Most similar first' }) flags!: SimilarityFlagDto[];
  @ApiProperty({ type: [SessionIntegrityDto] }) sessions!: SessionIntegrityDto[];
}

export const TIMELINE_ENTRY_TYPES = ['snapshot', ...ACTIVITY_EVENT_KINDS, 'run', 'submission'] as const;

export class TimelineEntryDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ enum: TIMELINE_ENTRY_TYPES }) type!: (typeof TIMELINE_ENTRY_TYPES)[number];
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiPropertyOptional({ description: 'Characters: of the answer (snapshot, run, submission) or inserted (paste)' })
  length?: number;
  @ApiPropertyOptional({ description: 'Lines of the answer (snapshot) or inserted (paste)' }) lines?: number;
  @ApiPropertyOptional({ description: 'Snapshots: change in characters since the previous snapshot of the item' })
  delta?: number;
  @ApiPropertyOptional({ description: 'focus_returned: how long focus was away, in ms' }) awayMs?: number;
  @ApiPropertyOptional({ format: 'uuid' }) submissionId?: string;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) verdict?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) score?: number | null;
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty() startedAt!: Date;
  @ApiProperty() deadline!: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt!: Date | null;
  @ApiProperty({ type: [TimelineEntryDto], description: 'Snapshots, client events, runs and submissions, in order' })
  entries!: TimelineEntryDto[];
  @ApiProperty({ type: [IntegritySignalDto] }) signals!: IntegritySignalDto[];
  @ApiProperty({ type: IntegrityReviewMarkDto }) integrityReview!: IntegrityReviewMarkDto;
}
