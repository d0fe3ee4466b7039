import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'ada@acme.test', maxLength: 320 })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from signup, login or the previous refresh (single use)' })
  @IsString()
  @Matches(/^rt_[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is not a refresh token' })
  refreshToken!: string;
}
