import type { Query } from 'typeorm/driver/Query.js';

function renderQueries(queries: Query[]): string {
  return queries
    .map((query) => {
      const parameters = query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : '';
      return `    await queryRunner.query(${JSON.stringify(query.query)}${parameters});`;
    })
    .join('\n');
}

/** The source of a generated migration: `up` as TypeORM computed it, `down` in reverse order. */
export function renderMigration(className: string, up: Query[], down: Query[]): string {
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${renderQueries(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${renderQueries([...down].reverse())}
  }
}
`;
}
