import { createBrand, setRole, type BrandView } from '../../src/core/brands.js';
import type { Ctx } from '../../src/core/context.js';
import { resolvePerson, type PersonRef } from '../../src/core/people.js';
import type { Role } from '../../src/core/permissions.js';

export type Team = {
  brand: BrandView;
  admin: PersonRef;
  strategist: PersonRef;
  strategist2: PersonRef;
  cm: PersonRef;
  viewer: PersonRef;
  outsider: PersonRef;
};

let seq = 0;

export async function createPerson(ctx: Ctx, name: string): Promise<PersonRef> {
  seq += 1;
  return resolvePerson(ctx, { platform: 'slack', externalId: `U${name.toUpperCase()}${seq}`, displayName: name });
}

export async function givePersonRole(ctx: Ctx, brandId: number, admin: PersonRef, person: PersonRef, role: Role): Promise<void> {
  await setRole(ctx, { brandId, actorId: admin.id, targetPersonId: person.id, role });
}

/** A brand with one person per role (and an outsider with none). */
export async function createTeam(ctx: Ctx, name = 'Acme'): Promise<Team> {
  const admin = await createPerson(ctx, 'admin');
  const brand = await createBrand(ctx, { name, actorId: admin.id });
  const team: Team = {
    brand,
    admin,
    strategist: await createPerson(ctx, 'strategist'),
    strategist2: await createPerson(ctx, 'strategist-two'),
    cm: await createPerson(ctx, 'community-manager'),
    viewer: await createPerson(ctx, 'viewer'),
    outsider: await createPerson(ctx, 'outsider'),
  };
  await givePersonRole(ctx, brand.id, admin, team.strategist, 'strategist');
  await givePersonRole(ctx, brand.id, admin, team.strategist2, 'strategist');
  await givePersonRole(ctx, brand.id, admin, team.cm, 'community_manager');
  await givePersonRole(ctx, brand.id, admin, team.viewer, 'viewer');
  return team;
}
