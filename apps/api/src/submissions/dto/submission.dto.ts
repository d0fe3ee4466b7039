import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBMISSION_KINDS, SUBMISSION_STATUSES, VERDICTS, type ResultTablePayload } from '@app/contracts';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CODE_LANGUAGES, MAX_CODE_LENGTH } from '../../candidate-sessions/dto/candidate-session.dto.js';

export class RunCodeDto {
  @ApiProperty({ enum: CODE_LANGUAGES })
  @IsIn(CODE_LANGUAGES, { message: `language must be one of ${CODE_LANGUAGES.join(', ')}` })
  language!: (typeof CODE_LANGUAGES)[number];

  @ApiProperty({ maxLength: MAX_CODE_LENGTH })
  @IsString()
  @MinLength(1, { message: 'code must not be empty' })
  @MaxLength(MAX_CODE_LENGTH)
  code!: string;
}

/** Code in a language for code items; a structured answer for the others. */
export class SubmitDto {
  @ApiPropertyOptional({ enum: CODE_LANGUAGES })
  @ValidateIf((body: SubmitDto) => body.answer === undefined)
  @IsIn(CODE_LANGUAGES, { message: `language must be one of ${CODE_LANGUAGES.join(', ')}` })
  language?: (typeof CODE_LANGUAGES)[number];

  @ApiPropertyOptional({ maxLength: MAX_CODE_LENGTH })
  @ValidateIf((body: SubmitDto) => body.answer === undefined)
  @IsString()
  @MinLength(1, { message: 'code must not be empty' })
  @MaxLength(MAX_CODE_LENGTH)
  code?: string;

  @ApiPropertyOptional({
    type: Object,
    description:
      'Answer of a non-code item. quiz: { answers: { <questionId>: [<optionId>, ...] } }; ' +
      'code-review: { comments: [{ file, line, category, body }] }; system-design: ' +
      '{ sections: { <sectionId>: text }, diagram?: Mermaid text, estimates: { <estimateId>: text such as "12k req/s" } }',
  })
  @IsOptional()
  @IsObject({ message: 'answer must be a JSON object' })
  answer?: Record<string, unknown>;
}

export class AcceptedSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  submissionId!: string;
}

export class TestResultDto {
  @ApiProperty() index!: number;
  @ApiProperty() name!: string;
  @ApiProperty() sample!: boolean;
  @ApiProperty({ enum: VERDICTS }) verdict!: string;
  @ApiProperty() timeMs!: number;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'Sample tests only: the input (code), or `dataset <name>` (SQL)' })
  input?: string;
  @ApiPropertyOptional({
    description: 'Sample tests only: text (code) or a result table { columns, rows, totalRows } (SQL)',
    oneOf: [{ type: 'string' }, { type: 'object' }],
  })
  expected?: string | ResultTablePayload;
  @ApiPropertyOptional({
    description: 'Sample tests only: text (code) or a result table (SQL); absent when nothing was produced',
    oneOf: [{ type: 'string' }, { type: 'object' }],
  })
  actual?: string | ResultTablePayload;
  @ApiPropertyOptional({ description: 'Sample SQL tests that check the plan: the scans of the plan' })
  planScans?: string[];
}

export class SubmissionResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: SUBMISSION_KINDS }) kind!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty({ enum: VERDICTS, nullable: true }) verdict!: string | null;
  @ApiProperty({
    nullable: true,
    description:
      '0..1 share of weighted hidden tests passed; null for runs, and for answers (quiz, review, design) whose score only staff see',
  })
  score!: number | null;
  @ApiProperty({ nullable: true }) message!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [TestResultDto] }) tests!: TestResultDto[];
}
