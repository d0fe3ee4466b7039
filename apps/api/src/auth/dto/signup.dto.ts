import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignupDto {
  @ApiProperty({ description: 'Name of the new organisation', example: 'Acme Ltd', minLength: 2, maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(2, 200)
  organizationName!: string;

  @ApiProperty({ description: "The first admin's full name", example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'E-mail address used to sign in', example: 'ada@acme.test', maxLength: 320 })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ description: 'At least 12 characters', minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @MaxLength(200)
  password!: string;
}
