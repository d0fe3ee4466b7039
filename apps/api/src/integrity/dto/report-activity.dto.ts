import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_EVENT_KINDS, type ActivityEventKind } from '@app/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_CODE_LENGTH } from '../../candidate-sessions/dto/candidate-session.dto.js';

/** Events per report: the editor sends what it gathered every few seconds. */
export const MAX_EVENTS_PER_REPORT = 50;
/** Lines of one paste or insertion, at most (the code itself is bounded by MAX_CODE_LENGTH characters). */
export const MAX_INSERTED_LINES = 20_000;

export class ActivityEventInputDto {
  @ApiProperty({ enum: ACTIVITY_EVENT_KINDS })
  @IsIn(ACTIVITY_EVENT_KINDS, { message: `kind must be one of ${ACTIVITY_EVENT_KINDS.join(', ')}` })
  kind!: ActivityEventKind;

  @ApiProperty({ description: 'When it happened (ISO 8601, with a time zone), by the client clock' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'at must be an ISO 8601 date and time' })
  at!: string;

  @ApiPropertyOptional({
    description: 'Characters pasted or inserted; required for paste and large_insertion, absent for focus changes',
    maximum: MAX_CODE_LENGTH,
  })
  @IsOptional()
  @IsInt({ message: 'length must be an integer' })
  @Min(0)
  @Max(MAX_CODE_LENGTH)
  length?: number;

  @ApiPropertyOptional({ description: 'Lines pasted or inserted', maximum: MAX_INSERTED_LINES })
  @IsOptional()
  @IsInt({ message: 'lines must be an integer' })
  @Min(0)
  @Max(MAX_INSERTED_LINES)
  lines?: number;
}

export class ReportActivityDto {
  @ApiProperty({ type: [ActivityEventInputDto], maxItems: MAX_EVENTS_PER_REPORT })
  @IsArray({ message: 'events must be an array' })
  @ArrayMinSize(1, { message: 'events must not be empty' })
  @ArrayMaxSize(MAX_EVENTS_PER_REPORT, { message: `at most ${MAX_EVENTS_PER_REPORT} events per report` })
  @ValidateNested({ each: true })
  @Type(() => ActivityEventInputDto)
  events!: ActivityEventInputDto[];
}

export class RecordedActivityDto {
  @ApiProperty({ description: 'Events stored' }) recorded!: number;
}

export class IntegritySettingsDto {
  @ApiProperty({
    description:
      'Also compare final submissions with those of other organisations that allow it, anonymised both ways ' +
      '(neither side sees the other candidate, code or organisation)',
  })
  @IsBoolean({ message: 'crossOrganizationScreening must be true or false' })
  crossOrganizationScreening!: boolean;
}
