// Every committed migration, in order. Listed explicitly so no file globbing depends on tsx vs node.
import { Migration20261124000000_observations } from './Migration20261124000000_observations';
import { Migration20261124010000_insights } from './Migration20261124010000_insights';
import { Migration20261124100000_keyword_lists } from './Migration20261124100000_keyword_lists';
import { Migration20261124200000_observation_provenance } from './Migration20261124200000_observation_provenance';
import { Migration20261124300000_unknown_scores } from './Migration20261124300000_unknown_scores';
import { Migration20261124400000_keyword_sort_indexes } from './Migration20261124400000_keyword_sort_indexes';
import { Migration20261125000000_change_notifications } from './Migration20261125000000_change_notifications';
import { Migration20261202000000_provider_limits } from './Migration20261202000000_provider_limits';
import { Migration20261202010000_report_uploads } from './Migration20261202010000_report_uploads';
import { Migration20261202020000_keyword_demand } from './Migration20261202020000_keyword_demand';
import { Migration20261202100000_keyword_list_resources } from './Migration20261202100000_keyword_list_resources';
import { Migration20261202110000_alerts } from './Migration20261202110000_alerts';
import { Migration20261202120000_import_estimates } from './Migration20261202120000_import_estimates';
import { Migration20261202120000_cluster_models } from './Migration20261202120000_cluster_models';
import { Migration20261202150000_feature_importance } from './Migration20261202150000_feature_importance';
import { Migration20261202160000_import_labels } from './Migration20261202160000_import_labels';

export const migrationsList = [
  { name: 'Migration20261124000000_observations', class: Migration20261124000000_observations },
  { name: 'Migration20261124010000_insights', class: Migration20261124010000_insights },
  { name: 'Migration20261124100000_keyword_lists', class: Migration20261124100000_keyword_lists },
  { name: 'Migration20261124200000_observation_provenance', class: Migration20261124200000_observation_provenance },
  { name: 'Migration20261124300000_unknown_scores', class: Migration20261124300000_unknown_scores },
  { name: 'Migration20261124400000_keyword_sort_indexes', class: Migration20261124400000_keyword_sort_indexes },
  { name: 'Migration20261125000000_change_notifications', class: Migration20261125000000_change_notifications },
  { name: 'Migration20261202000000_provider_limits', class: Migration20261202000000_provider_limits },
  { name: 'Migration20261202010000_report_uploads', class: Migration20261202010000_report_uploads },
  { name: 'Migration20261202020000_keyword_demand', class: Migration20261202020000_keyword_demand },
  { name: 'Migration20261202100000_keyword_list_resources', class: Migration20261202100000_keyword_list_resources },
  { name: 'Migration20261202110000_alerts', class: Migration20261202110000_alerts },
  { name: 'Migration20261202120000_import_estimates', class: Migration20261202120000_import_estimates },
  { name: 'Migration20261202120000_cluster_models', class: Migration20261202120000_cluster_models },
  { name: 'Migration20261202150000_feature_importance', class: Migration20261202150000_feature_importance },
  { name: 'Migration20261202160000_import_labels', class: Migration20261202160000_import_labels },
];
