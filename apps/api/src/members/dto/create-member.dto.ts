import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@app/db';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateMemberDto {
  @ApiProperty({ example: 'grace@acme.test', maxLength: 320 })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Grace Hopper', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'Initial password, at least 12 characters', minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;
}
