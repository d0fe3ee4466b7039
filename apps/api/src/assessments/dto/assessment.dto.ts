import { ApiProperty } from '@nestjs/swagger';

export class AssessmentItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() challengeSlug!: string;
  @ApiProperty({ description: 'Version of the challenge this assessment uses' }) challengeVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['easy', 'medium', 'hard'] }) difficulty!: string;
  @ApiProperty({ type: [String] }) competencies!: string[];
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty() weight!: number;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ description: 'Sum of the items’ estimated minutes' }) estimatedMinutes!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [AssessmentItemDto] }) items!: AssessmentItemDto[];
}

export class InviteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Shown once: the candidate starts the assessment with it' }) token!: string;
  @ApiProperty({ description: 'Link to send to the candidate' }) url!: string;
  @ApiProperty() expiresAt!: Date;
}
