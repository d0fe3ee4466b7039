import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

/** Turns an environment string into an integer, leaving anything unparsable for the validator. */
export const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Variables every Assay process reads. */
export class CommonConfig {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';
}

/** Variables of a process that talks to PostgreSQL. */
export class DatabaseConfig extends CommonConfig {
  @IsString({ message: 'is required: a postgres:// connection URL' })
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL!: string;
}

function applyDecorators(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

/** An integer variable within bounds, with one message that says what is allowed. */
export const IntegerBetween = (min: number, max: number, unit = ''): PropertyDecorator => {
  const message = `must be a whole number${unit ? ` of ${unit}` : ''} between ${min} and ${max}`;
  return applyDecorators(Transform(toInteger), IsInt({ message }), Min(min, { message }), Max(max, { message }));
};

export const IsPort = (): PropertyDecorator => IntegerBetween(1, 65535);

export const IsOptionalPostgresUrl = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Matches(POSTGRES_URL, { message: 'must be a postgres:// or postgresql:// connection URL' }),
  );
