import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES } from '@app/db';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../webhook-events.js';

const URL_RULES = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  disallow_auth: true,
  allow_underscores: true,
};
const URL_MESSAGE = 'url must be an absolute http:// or https:// URL without credentials';
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PutWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/assay', maxLength: 2048 })
  @Transform(trim)
  @IsString()
  @MaxLength(2048)
  @IsUrl(URL_RULES, { message: URL_MESSAGE })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: WebhookEvent[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  description?: string;

  @ApiPropertyOptional({
    description:
      'Your own signing secret (24–200 printable characters); without it Assay generates one and shows it once',
  })
  @IsOptional()
  @IsString()
  @Length(24, 200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'secret must be printable ASCII without spaces' })
  secret?: string;
}

export class PatchWebhookDto {
  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2048)
  @IsUrl(URL_RULES, { message: URL_MESSAGE })
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEvent[];

  @ApiPropertyOptional({ description: 'A disabled endpoint receives nothing; its pending deliveries are cancelled' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  description?: string;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: string[];
  @ApiProperty({ nullable: true }) description!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ description: 'Only when Assay generated or rotated it: shown this once' }) secret?: string;
}

export class WebhookSecretDto {
  @ApiProperty({ description: 'The new signing secret, shown this once' }) secret!: string;
}

export class WebhookAttemptDto {
  @ApiProperty() attempt!: number;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true }) statusCode!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ nullable: true }) error!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true }) deliveredAt!: Date | null;
  @ApiProperty({ description: 'The JSON body sent' }) body!: unknown;
  @ApiProperty({ type: [WebhookAttemptDto] }) attempts!: WebhookAttemptDto[];
}
