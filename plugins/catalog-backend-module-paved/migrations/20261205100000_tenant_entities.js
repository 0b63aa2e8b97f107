/*
 * Tenant entities registered through `paved:catalog:register-tenant`, in the
 * catalog's database. Times are ISO strings in UTC, which sort and compare
 * the same on SQLite and PostgreSQL.
 */

const TABLE = 'paved_tenant_entities';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Before migrations the store created this table on first use: a database
  // from then already has it, with its tenants, so keep it as it is.
  if (await knex.schema.hasTable(TABLE)) return;
  await knex.schema.createTable(TABLE, table => {
    table.comment('Tenant entities the tenant template registered');
    table.string('entity_ref', 512).primary();
    table.text('entity').notNullable().comment('The entity, as JSON');
    table.string('registered_by', 512).notNullable();
    table.string('updated_at', 64).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists(TABLE);
};
