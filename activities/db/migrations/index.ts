// Every committed migration, in order. Listed explicitly so no file globbing depends on tsx vs node.
import { Migration20261124000000_observations } from './Migration20261124000000_observations';
import { Migration20261124010000_insights } from './Migration20261124010000_insights';

export const migrationsList = [
  { name: 'Migration20261124000000_observations', class: Migration20261124000000_observations },
  { name: 'Migration20261124010000_insights', class: Migration20261124010000_insights },
];
