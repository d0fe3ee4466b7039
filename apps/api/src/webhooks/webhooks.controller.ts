import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffOnly } from '../access/access.decorators.js';
import type { StaffPrincipal } from '../access/principal.js';
import {
  DeliveriesQueryDto,
  PatchWebhookDto,
  PutWebhookDto,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookSecretDto,
} from './dto/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('webhooks')
@Controller('v1/webhooks')
@StaffOnly('admin')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Put()
  @ApiOperation({ summary: 'Register an endpoint (201), or update the one with this URL (200)' })
  @ApiCreatedResponse({ type: WebhookEndpointDto, description: 'Created; the generated secret is shown this once' })
  @ApiOkResponse({ type: WebhookEndpointDto, description: 'The endpoint with this URL was updated' })
  @ApiBadRequestResponse({ description: 'Not an http(s) URL, unknown events, or a bad secret' })
  async put(
    @CurrentStaff() admin: StaffPrincipal,
    @Body() body: PutWebhookDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookEndpointDto> {
    const { created, endpoint } = await this.webhooks.put(admin, body);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return endpoint;
  }

  @Get()
  @ApiOperation({ summary: 'The organisation’s webhook endpoints (secrets are never listed)' })
  @ApiOkResponse({ type: [WebhookEndpointDto] })
  list(@CurrentStaff() admin: StaffPrincipal): Promise<WebhookEndpointDto[]> {
    return this.webhooks.list(admin);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, events or description, or enable/disable an endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse({ description: 'No such endpoint in your organisation' })
  @ApiConflictResponse({ description: 'Another endpoint has this URL' })
  patch(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Body() body: PatchWebhookDto,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.patch(admin, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an endpoint and its delivery log' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such endpoint in your organisation' })
  async remove(@CurrentStaff() admin: StaffPrincipal, @Param('id', uuid) id: string): Promise<void> {
    await this.webhooks.remove(admin, id);
  }

  @Post(':id/secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown this once' })
  @ApiOkResponse({ type: WebhookSecretDto })
  @ApiNotFoundResponse({ description: 'No such endpoint in your organisation' })
  rotateSecret(@CurrentStaff() admin: StaffPrincipal, @Param('id', uuid) id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(admin, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first, with every attempt' })
  @ApiOkResponse({ type: [WebhookDeliveryDto] })
  @ApiNotFoundResponse({ description: 'No such endpoint in your organisation' })
  deliveries(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id', uuid) id: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveries(admin, id, query.limit);
  }
}
