/*
 * Cost alerts' state: one row per condition key (entity, kind, period), so a
 * condition is sent once however many replicas evaluate it. Times are ISO
 * strings in UTC, which sort and compare the same on SQLite and PostgreSQL.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('paved_cost_alerts', table => {
    table.comment('Cost alert conditions and what was done about them');
    table.string('key', 700).primary().comment('<entityRef>#<kind>:<period>');
    table.string('entity_ref', 512).notNullable().index();
    table.string('kind', 16).notNullable();
    table.string('period', 16).notNullable();
    table.string('owner_ref', 512).notNullable();
    table.string('status', 16).notNullable().comment('active or cleared');
    table.text('title').notNullable();
    table.text('description').notNullable();
    table.string('sent_at', 40).nullable();
    table.integer('sent_count').notNullable().defaultTo(0);
    table.string('snoozed_until', 40).nullable();
    table.string('snoozed_by', 512).nullable();
    table.string('dismissed_at', 40).nullable();
    table.string('dismissed_by', 512).nullable();
    table.string('changed_at', 40).notNullable();
    table
      .string('claim', 64)
      .nullable()
      .comment('Random id of the evaluation that claimed the last send');
    table
      .integer('version')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Bumped by every change: a change applies only to the version it read',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('paved_cost_alerts');
};
