import { api, withQuery } from '../../app/api';
import type {
  Collection,
  Grant,
  ImportResult,
  IntelHits,
  MispFeedOutcome,
  MispImportResult,
  NamedConstituents,
  ObjectPage,
  ObjectVersion,
  Peer,
  PeerInput,
  PollOutcome,
  ReceivedProfile,
  ShareChoice,
  SharingGroup,
  ShareDone,
  SharePreview,
  Preview,
  Subscription,
  Tlp,
} from './types';

/** Calls of the exchange API, one function per endpoint. */
const base = '/api/exchange';
const enc = encodeURIComponent;

export const getSettings = () => api.get<{ defaultTlp: Tlp }>(`${base}/settings`);
export const saveSettings = (defaultTlp: Tlp) =>
  api.put<{ defaultTlp: Tlp }>(`${base}/settings`, { defaultTlp });

export const listCollections = () => api.get<Collection[]>(`${base}/collections`);
export const createCollection = (input: { title: string; description?: string; alias?: string }) =>
  api.post<Collection>(`${base}/collections`, input);

export const listObjects = (collection: string, type: string, next: string | null) =>
  api.get<ObjectPage>(
    withQuery(`${base}/objects`, {
      collection,
      type: type || undefined,
      next: next ?? undefined,
      limit: 50,
    }),
  );
export const getObjectVersions = (collection: string, id: string) =>
  api.get<ObjectVersion[]>(`${base}/collections/${enc(collection)}/objects/${enc(id)}`);
export const getNamedConstituents = (id: string) =>
  api.get<NamedConstituents>(`${base}/objects/${enc(id)}/constituents`);
export const getIncidentIntelHits = (incidentId: string) =>
  api.get<IntelHits>(`${base}/matches/incidents/${enc(incidentId)}`);
export const previewIncidentShare = (incidentId: string, choice: ShareChoice) =>
  api.post<SharePreview>(`${base}/share/incidents/${enc(incidentId)}/preview`, choice);
export const shareIncident = (incidentId: string, choice: ShareChoice, at: string) =>
  api.post<ShareDone>(`${base}/share/incidents/${enc(incidentId)}`, {
    ...choice,
    at,
    confirm: true,
  });
/** A STIX object as the editor sends it: the instance sets id, timestamps, creator and marking. */
export interface ObjectDraft {
  type: string;
  tlp: Tlp;
  properties: Record<string, unknown>;
}
interface Made {
  collectionId: string;
  object: { id: string; type: string; [key: string]: unknown };
}
export const createObject = (collection: string, draft: ObjectDraft) =>
  api.post<Made>(`${base}/collections/${enc(collection)}/objects`, draft);
export const updateObject = (collection: string, id: string, draft: Omit<ObjectDraft, 'type'>) =>
  api.put<Made>(`${base}/collections/${enc(collection)}/objects/${enc(id)}`, draft);
export const getTeamIdentity = () => api.get<{ id: string; name: string }>(`${base}/identity`);
export const importMispEvent = (collection: string, event: unknown) =>
  api.post<MispImportResult>(`${base}/collections/${enc(collection)}/misp-import`, event);
export const mispExportUrl = (collection: string) =>
  `${base}/collections/${enc(collection)}/misp-export`;
export const readMispFeed = (collection: string, url: string, authorization?: string) =>
  api.post<MispFeedOutcome>(`${base}/collections/${enc(collection)}/misp-feed-import`, {
    url,
    ...(authorization ? { authorization } : {}),
  });
export const listReceivedProfiles = (country?: string) =>
  api.get<ReceivedProfile[]>(withQuery(`${base}/federation/profiles`, { country }));
export const importBundle = (collection: string, bundle: unknown) =>
  api.post<ImportResult>(`${base}/collections/${enc(collection)}/import`, bundle);
export const recordSighting = (input: {
  collectionId: string;
  indicatorId: string;
  count?: number;
  tlp: Tlp;
}) => api.post<{ sighting: { id: string } }>(`${base}/sightings`, input);

export const listPeers = () => api.get<Peer[]>(`${base}/peers`);
export const getPeer = (id: string) => api.get<Peer>(`${base}/peers/${enc(id)}`);
export const createPeer = (input: PeerInput) =>
  api.post<{ peer: Peer; secret: string }>(`${base}/peers`, input);
export const updatePeer = (id: string, input: PeerInput) =>
  api.put<Peer>(`${base}/peers/${enc(id)}`, input);
export const rotatePeerSecret = (id: string) =>
  api.post<{ peer: Peer; secret: string }>(`${base}/peers/${enc(id)}/secret`);
export const previewPeer = (id: string) => api.get<Preview>(`${base}/peers/${enc(id)}/preview`);
export const pushToPeer = (
  id: string,
  remoteCollection: string,
  objects: { collectionId: string; objectId: string }[],
) =>
  api.post<{ sent: number; withheld: { id: string; reason: string }[]; status: unknown }>(
    `${base}/peers/${enc(id)}/push`,
    { remoteCollection, objects },
  );

export const listGrants = () => api.get<Grant[]>(`${base}/grants`);
export const createGrant = (
  input: {
    collectionId: string;
    canRead: boolean;
    canWrite: boolean;
    tlpLevels: Tlp[];
  } & ({ peerId: string } | { groupId: string }),
) => api.post<Grant>(`${base}/grants`, input);

export interface GroupInput {
  name: string;
  description?: string;
  peerIds: string[];
}
export const listGroups = () => api.get<SharingGroup[]>(`${base}/groups`);
export const createGroup = (input: GroupInput) => api.post<SharingGroup>(`${base}/groups`, input);
export const updateGroup = (id: string, input: GroupInput) =>
  api.put<SharingGroup>(`${base}/groups/${enc(id)}`, input);
export const deleteGroup = (id: string) => api.delete(`${base}/groups/${enc(id)}`);
export const deleteGrant = (id: string) => api.delete(`${base}/grants/${enc(id)}`);

export const listSubscriptions = () => api.get<Subscription[]>(`${base}/subscriptions`);
export const createSubscription = (input: {
  peerId: string;
  remoteCollection: string;
  localCollection: string;
  intervalSeconds: number;
}) => api.post<Subscription>(`${base}/subscriptions`, input);
export const pollNow = (id: string) =>
  api.post<PollOutcome>(`${base}/subscriptions/${enc(id)}/poll`);
