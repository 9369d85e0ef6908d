import type { TagsApi } from '../../../../shared/api/features/tags.ts';
import type { AppContext } from '../appContext.ts';

/** Host side of the Tags slice of the API. */
export function createTagsService(_ctx: AppContext): TagsApi {
  return {};
}
