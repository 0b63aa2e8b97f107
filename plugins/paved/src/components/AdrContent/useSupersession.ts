import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  RELATION_SUPERSEDED_BY,
  RELATION_SUPERSEDES,
} from '@paved/plugin-paved-common';
import useAsync from 'react-use/esm/useAsync';
import { relatedRefs, supersessionChain } from './supersessionChain';

// Chains longer than this are a data problem; stop fetching.
const MAX_ROUNDS = 20;

/** Fetches the ADRs linked to `entity` by supersession, oldest first. */
export function useSupersession(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const known = new Map<string, Entity>([
      [stringifyEntityRef(entity), entity],
    ]);
    let frontier = [entity];
    for (let round = 0; round < MAX_ROUNDS && frontier.length; round++) {
      const refs = frontier
        .flatMap(e => [
          ...relatedRefs(e, RELATION_SUPERSEDES),
          ...relatedRefs(e, RELATION_SUPERSEDED_BY),
        ])
        .filter(ref => !known.has(ref));
      if (!refs.length) break;
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: [...new Set(refs)],
      });
      frontier = items.filter((e): e is Entity => Boolean(e));
      for (const e of frontier) known.set(stringifyEntityRef(e), e);
    }
    return supersessionChain(entity, known);
  }, [catalogApi, entity]);
}
