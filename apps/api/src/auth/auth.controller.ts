import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../access/access.decorators.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { AuthService } from './auth.service.js';
import { AuthSessionDto } from './dto/auth-session.dto.js';
import { LoginDto, RefreshDto } from './dto/login.dto.js';
import { SignupDto } from './dto/signup.dto.js';

@ApiTags('auth')
@Controller('v1/auth')
@Public()
@RateLimited('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @ApiOperation({ summary: 'Create an organisation and its first admin' })
  @ApiConflictResponse({ description: 'An account with this e-mail address exists' })
  signup(@Body() body: SignupDto): Promise<AuthSessionDto> {
    return this.auth.signup(body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in as a member of staff' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password' })
  login(@Body() body: LoginDto): Promise<AuthSessionDto> {
    return this.auth.login(body);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old one stops working)' })
  @ApiUnauthorizedResponse({ description: 'Invalid, used or expired refresh token' })
  refresh(@Body() body: RefreshDto): Promise<AuthSessionDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a refresh token' })
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
