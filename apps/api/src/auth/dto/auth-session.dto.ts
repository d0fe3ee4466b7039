import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@app/db';

export class StaffUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;
}

export class AuthSessionDto {
  @ApiProperty({ description: 'Bearer token for the API, valid 15 minutes' })
  accessToken!: string;

  @ApiProperty({ description: 'Single-use token for POST /auth/refresh, valid 30 days' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ type: StaffUserDto })
  user!: StaffUserDto;
}
