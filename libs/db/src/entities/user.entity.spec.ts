import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.js';
import { OrganizationEntity } from './organization.entity.js';
import { UserEntity } from './user.entity.js';

describe('organisations and users', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const newOrganization = (slug: string) =>
    dataSource.getRepository(OrganizationEntity).save({ name: `Org ${slug}`, slug });
  const newUser = (organizationId: string, email: string) =>
    dataSource
      .getRepository(UserEntity)
      .save({ organizationId, email, name: 'Ada', role: 'admin' as const, passwordHash: 'x' });

  it('keeps one account per e-mail address, whatever its case', async () => {
    const organization = await newOrganization('acme');
    await newUser(organization.id, 'ada@example.com');
    await expect(newUser(organization.id, 'ADA@Example.com')).rejects.toThrow(/users_email_unique/);
  });

  it('rejects an unknown role and a user without an organisation', async () => {
    const organization = await newOrganization('globex');
    await expect(
      dataSource.query(
        `INSERT INTO users ("organizationId", email, name, role, "passwordHash") VALUES ($1, 'x@y.z', 'X', 'owner', 'h')`,
        [organization.id],
      ),
    ).rejects.toThrow(/invalid input value for enum staff_role/);
    await expect(newUser('00000000-0000-4000-8000-000000000000', 'ghost@example.com')).rejects.toThrow(/foreign key/);
  });

  it('removes an organisation with its users', async () => {
    const organization = await newOrganization('initech');
    const user = await newUser(organization.id, 'peter@initech.test');
    await dataSource.getRepository(OrganizationEntity).delete(organization.id);
    expect(await dataSource.getRepository(UserEntity).findOneBy({ id: user.id })).toBeNull();
  });
});
