import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@app/config';
import type { AssessmentEntity } from '@app/db';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { ChallengeCatalogRepository } from '../challenges/challenge-catalog.repository.js';
import { DomainException } from '../errors/domain.exception.js';
import { AssessmentRepository } from './assessment.repository.js';
import type { AssessmentDto, InviteDto } from './dto/assessment.dto.js';
import type { CreateAssessmentDto, CreateInviteDto } from './dto/create-assessment.dto.js';

const DEFAULT_INVITE_HOURS = 168;

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const notFound = () => new DomainException('not_found', 'assessment_not_found', 'No such assessment.');

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: AssessmentRepository,
    private readonly catalog: ChallengeCatalogRepository,
    private readonly config: ApiConfig,
  ) {}

  async create(staff: StaffPrincipal, input: CreateAssessmentDto): Promise<AssessmentDto> {
    const slugs = input.items.map((item) => item.challengeSlug);
    const repeated = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
    if (repeated.length > 0) {
      throw new DomainException(
        'invalid',
        'duplicate_items',
        `A challenge appears twice: ${[...new Set(repeated)].join(', ')}.`,
      );
    }
    const versions = await this.catalog.findCurrentBySlugs(staff.organizationId, slugs);
    const unknown = slugs.filter((slug) => !versions.has(slug));
    if (unknown.length > 0) {
      throw new DomainException('invalid', 'unknown_challenges', `No such challenge: ${unknown.join(', ')}.`, {
        unknown,
      });
    }
    const unverified = slugs
      .map((slug) => versions.get(slug)!)
      .filter((version) => version.verification !== 'verified')
      .map((version) => ({
        challengeSlug: version.challenge!.slug,
        version: version.version,
        verification: version.verification,
        problems: version.verificationProblems,
      }));
    if (unverified.length > 0) {
      throw new DomainException(
        'invalid',
        'unverified_challenges',
        `Only verified challenges go into an assessment: ${unverified
          .map(({ challengeSlug, version, verification }) =>
            verification === 'pending'
              ? `${challengeSlug} (version ${version}) is still being verified by the judge`
              : `${challengeSlug} (version ${version}) was rejected by its verification`,
          )
          .join('; ')}.`,
        { unverified },
      );
    }
    const id = await this.dataSource.transaction((manager) =>
      this.assessments.create(
        manager,
        {
          organizationId: staff.organizationId,
          title: input.title,
          durationMinutes: input.durationMinutes,
          createdById: staff.userId,
        },
        input.items.map((item) => ({
          challengeVersionId: versions.get(item.challengeSlug)!.id,
          weight: item.weight ?? 1,
        })),
      ),
    );
    return this.get(staff, id);
  }

  async get(staff: StaffPrincipal, id: string): Promise<AssessmentDto> {
    const assessment = await this.assessments.findInOrganization(staff.organizationId, id);
    if (!assessment) throw notFound();
    return toAssessmentDto(assessment);
  }

  async list(staff: StaffPrincipal): Promise<AssessmentDto[]> {
    return (await this.assessments.listInOrganization(staff.organizationId)).map(toAssessmentDto);
  }

  /** A 256-bit token, shown once; only its hash is kept. */
  async invite(staff: StaffPrincipal, assessmentId: string, input: CreateInviteDto): Promise<InviteDto> {
    const assessment = await this.assessments.findInOrganization(staff.organizationId, assessmentId);
    if (!assessment) throw notFound();
    const token = randomBytes(32).toString('base64url');
    const invite = await this.assessments.createInvite({
      assessmentId,
      organizationId: staff.organizationId,
      candidateName: input.candidateName,
      candidateEmail: input.candidateEmail,
      tokenHash: hashInviteToken(token),
      expiresAt: new Date(Date.now() + (input.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3_600_000),
      createdById: staff.userId,
    });
    const base = this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    return { id: invite.id, token, url: `${base.replace(/\/$/, '')}/take/${token}`, expiresAt: invite.expiresAt };
  }
}

function toAssessmentDto(assessment: AssessmentEntity): AssessmentDto {
  const items = (assessment.items ?? []).map((item) => {
    const version = item.challengeVersion!;
    return {
      id: item.id,
      position: item.position,
      challengeSlug: version.challenge!.slug,
      challengeVersion: version.version,
      title: version.title,
      type: version.type,
      difficulty: version.difficulty,
      competencies: version.competencies,
      estimatedMinutes: version.estimatedMinutes,
      weight: item.weight,
    };
  });
  return {
    id: assessment.id,
    title: assessment.title,
    durationMinutes: assessment.durationMinutes,
    estimatedMinutes: items.reduce((sum, item) => sum + item.estimatedMinutes, 0),
    createdAt: assessment.createdAt,
    items,
  };
}
