import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class AssessmentItemInputDto {
  @ApiProperty({ example: 'token-bucket-rate-limiter' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, {
    message: 'challengeSlug must be a challenge slug (lowercase letters, digits, dashes)',
  })
  challengeSlug!: string;

  @ApiPropertyOptional({ description: 'Relative weight in the total, default 1', minimum: 0.1, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.1)
  @Max(100)
  weight?: number;
}

export class CreateAssessmentDto {
  @ApiProperty({ example: 'Lead backend engineer — screening', minLength: 2, maxLength: 200 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ example: 90, minimum: 5, maximum: 600 })
  @IsInt()
  @Min(5)
  @Max(600)
  durationMinutes!: number;

  @ApiProperty({ type: [AssessmentItemInputDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AssessmentItemInputDto)
  items!: AssessmentItemInputDto[];
}

export class CreateInviteDto {
  @ApiProperty({ example: 'Grace Hopper', maxLength: 200 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  candidateName!: string;

  @ApiProperty({ example: 'grace@example.test', maxLength: 320 })
  @IsString()
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'candidateEmail must be an e-mail address' })
  @Length(3, 320)
  candidateEmail!: string;

  @ApiPropertyOptional({
    description: 'Hours until the invite can no longer start a session; default 168 (a week)',
    minimum: 1,
    maximum: 2160,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2160)
  expiresInHours?: number;
}
