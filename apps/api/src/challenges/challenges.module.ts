import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChallengeVersionEntity } from '@app/db';
import { ChallengeBankImporter } from './challenge-bank.importer.js';
import { ChallengeCatalogRepository } from './challenge-catalog.repository.js';
import { ChallengesController } from './challenges.controller.js';
import { ChallengesService } from './challenges.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ChallengeVersionEntity])],
  controllers: [ChallengesController],
  providers: [ChallengeCatalogRepository, ChallengeBankImporter, ChallengesService],
  exports: [ChallengeCatalogRepository, ChallengeBankImporter],
})
export class ChallengesModule {}
