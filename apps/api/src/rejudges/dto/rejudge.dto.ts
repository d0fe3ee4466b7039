import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CreateRejudgeDto {
  @ApiProperty({ format: 'uuid', description: 'The assessment item whose final submissions are judged again' })
  @IsUUID('4', { message: 'itemId must be the id of an item of this assessment' })
  itemId!: string;

  @ApiProperty({ format: 'uuid', description: "A version of the item's challenge (see the item's versions)" })
  @IsUUID('4', { message: "versionId must be the id of a version of the item's challenge" })
  versionId!: string;
}

export class ChallengeVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '1, 2, 3… in order of arrival' }) version!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ description: 'The version new assessments get' }) current!: boolean;
  @ApiProperty({ description: 'The version this item is pinned to' }) pinned!: boolean;
}

export class JudgedOutcomeDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ enum: ['queued', 'running', 'finished'] }) status!: string;
  @ApiProperty({ nullable: true }) verdict!: string | null;
  @ApiProperty({ nullable: true, description: '0..1' }) score!: number | null;
}

export class RejudgedSubmissionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty({ type: JudgedOutcomeDto, description: 'The final submission, as judged against the pinned version' })
  original!: JudgedOutcomeDto;
  @ApiProperty({ type: JudgedOutcomeDto, description: 'The same code or answer judged against the chosen version' })
  rejudged!: JudgedOutcomeDto;
  @ApiPropertyOptional({ nullable: true, description: 'Once judged: whether the score or the verdict changed' })
  changed!: boolean | null;
  @ApiPropertyOptional({ nullable: true, description: 'Once judged: new score minus original score' })
  scoreDelta!: number | null;
}

export class RejudgeReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: ChallengeVersionSummaryDto }) from!: ChallengeVersionSummaryDto;
  @ApiProperty({ type: ChallengeVersionSummaryDto }) to!: ChallengeVersionSummaryDto;
  @ApiProperty({ enum: ['judging', 'finished'] }) status!: string;
  @ApiProperty() total!: number;
  @ApiProperty() judged!: number;
  @ApiProperty({ description: 'Submissions whose score or verdict changed so far' }) changed!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [RejudgedSubmissionDto] }) submissions!: RejudgedSubmissionDto[];
}
