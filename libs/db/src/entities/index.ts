import { OrganizationEntity } from './organization.entity.js';
import { UserEntity } from './user.entity.js';

export { OrganizationEntity } from './organization.entity.js';
export { STAFF_ROLES, UserEntity, type StaffRole } from './user.entity.js';

/** Every entity, listed explicitly: globs do not survive bundling, ESM or test transforms. */
export const ENTITIES = [OrganizationEntity, UserEntity];
