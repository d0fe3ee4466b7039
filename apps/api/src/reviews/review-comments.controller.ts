import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import { CommentDto, CreateCommentDto, UpdateCommentDto } from './dto/review.dto.js';
import { ReviewCommentsService } from './review-comments.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('review')
@Controller('v1')
@ApiNotFoundResponse({ description: 'No such submission or comment in your organisation' })
export class ReviewCommentsController {
  constructor(private readonly comments: ReviewCommentsService) {}

  @Post('submissions/:id/comments')
  @StaffOnly('interviewer')
  @ApiOperation({ summary: 'Comment on a line of a submission’s code' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiUnprocessableEntityResponse({ description: 'No such line or file, or a submission without code' })
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(staff, id, body);
  }

  @Get('submissions/:id/comments')
  @StaffOnly('recruiter', 'interviewer')
  @ApiOperation({ summary: 'Comments of a submission, by file, line and time' })
  @ApiOkResponse({ type: [CommentDto] })
  list(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<CommentDto[]> {
    return this.comments.list(staff, id);
  }

  @Patch('comments/:id')
  @StaffOnly('interviewer')
  @ApiOperation({ summary: 'Edit your comment' })
  @ApiOkResponse({ type: CommentDto })
  @ApiForbiddenResponse({ description: 'Not your comment' })
  update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Body() body: UpdateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.update(staff, id, body);
  }

  @Delete('comments/:id')
  @StaffOnly('interviewer')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete your comment (admins may delete any)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not your comment' })
  async remove(@CurrentStaff() staff: StaffPrincipal, @Param('id', uuid) id: string): Promise<void> {
    await this.comments.remove(staff, id);
  }
}
