import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CandidateOnly, CurrentCandidate, Public } from '../access/access.decorators.js';
import type { CandidatePrincipal } from '../access/principal.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { CandidateSessionsService } from './candidate-sessions.service.js';
import { CandidateSessionDto, SaveDraftDto, StartSessionDto, StartedSessionDto } from './dto/candidate-session.dto.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('candidate')
@Controller('v1/candidate')
export class CandidateSessionsController {
  constructor(private readonly sessions: CandidateSessionsService) {}

  @Post('sessions')
  @Public()
  @RateLimited('invite')
  @ApiOperation({ summary: 'Start (201) or resume (200) the session of an invite' })
  @ApiCreatedResponse({ type: StartedSessionDto })
  @ApiGoneResponse({ description: 'The invite expired before a session started' })
  @ApiConflictResponse({ description: 'The session is finished' })
  async start(
    @Body() body: StartSessionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StartedSessionDto> {
    const { resumed, started } = await this.sessions.start(body.inviteToken);
    response.status(resumed ? HttpStatus.OK : HttpStatus.CREATED);
    return started;
  }

  @Get('session')
  @CandidateOnly()
  @ApiOkResponse({ type: CandidateSessionDto })
  current(@CurrentCandidate() candidate: CandidatePrincipal): Promise<CandidateSessionDto> {
    return this.sessions.current(candidate);
  }

  @Put('session/items/:itemId/draft')
  @CandidateOnly()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Autosave the work on an item' })
  @ApiConflictResponse({ description: 'The session is finished' })
  async saveDraft(
    @CurrentCandidate() candidate: CandidatePrincipal,
    @Param('itemId', uuid) itemId: string,
    @Body() body: SaveDraftDto,
  ): Promise<void> {
    await this.sessions.saveDraft(candidate, itemId, body);
  }

  @Post('session/finish')
  @CandidateOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CandidateSessionDto })
  finish(@CurrentCandidate() candidate: CandidatePrincipal): Promise<CandidateSessionDto> {
    return this.sessions.finish(candidate);
  }
}
