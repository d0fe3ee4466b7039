import { Injectable } from '@nestjs/common';
import { OrganizationEntity } from '@app/db';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** `Acme Ltd.` -> `acme-ltd-3f9a`: readable, and unique without asking the user to choose. */
export function organizationSlug(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}

@Injectable()
export class OrganizationRepository {
  create(manager: EntityManager, name: string): Promise<OrganizationEntity> {
    return manager.getRepository(OrganizationEntity).save({ name, slug: organizationSlug(name) });
  }
}
