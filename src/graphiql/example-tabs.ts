/**
 * The README's example operations, one GraphiQL tab each, so the page opens on working examples
 * instead of an empty editor. Ids come from ExampleIds: real ones in the sandbox, placeholders that
 * say what to put there otherwise. test/unit/graphiql/ validates every tab against the schema.
 */
export interface GraphiQLTab {
  query: string;
  variables?: string;
  headers?: string;
}

export interface ExampleIds {
  /** Global ids of READY Uplynk assets (the first is long enough for frame and thumbnails). */
  uplynk: string[];
  /** The first Uplynk asset's own id and external id. */
  uplynkProviderId: string;
  uplynkExternalId: string;
  /** A Twelve Labs asset still PROCESSING, for the status subscription. */
  processingTwelveLabs: string;
  /** A Video Jungle project with a script, that script and its parameters' names, and an asset of it. */
  project: string;
  scriptId: string;
  scriptParameters: string[];
  projectAsset: string;
  /** An Uplynk asset no other tab uses, for the delete example. */
  deletable: string;
  /** Where the change feed starts reading. */
  changesSince: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function exampleTabs(ids: ExampleIds): GraphiQLTab[] {
  const [first = '', ...rest] = ids.uplynk;
  return [
    {
      query: `# What is enabled here, and what each provider supports
query Providers {
  providers { provider enabled sandbox capabilities }
}`,
    },
    {
      query: `# Every provider merged newest first; pass pageInfo.endCursor as \`after\` for the next page
query NewestAssets($after: String) {
  assets(first: 20, after: $after) {
    edges { cursor node { id provider name status createdAt thumbnailUrl } }
    pageInfo { hasNextPage endCursor }
    incompleteProviders { provider code message }   # providers that failed this time
  }
}`,
    },
    {
      query: `# One provider's list, filtered, with its own fields
query TwelveLabsVideos {
  assets(provider: TWELVE_LABS, first: 10, filter: { mediaType: VIDEO, search: "keynote" }) {
    totalCount
    nodes { id name status ... on TwelveLabsAsset { filename hls { url status } technicalMetadata } }
  }
}`,
    },
    {
      query: `# Many ids at once: 2,500 Uplynk ids cost 3 upstream calls; a bad or missing id nulls only its entry
query ManyAssets($ids: [ID!]!) {
  nodes(ids: $ids) { id ... on Asset { provider status durationSeconds } }
}`,
      variables: json({ ids: [first, ...rest.slice(0, 2), ids.processingTwelveLabs] }),
    },
    {
      query: `# By the provider's own id, or Uplynk's external id
query ByProviderId {
  assetByProviderId(provider: UPLYNK, providerId: ${JSON.stringify(ids.uplynkProviderId)}) { id name }
  assetByExternalId(externalId: ${JSON.stringify(ids.uplynkExternalId)}) { id breakOffsets { breakType offsetSeconds } }
}`,
    },
    {
      query: `# Stills (Uplynk getframe / getthumbs; the thumbnail range is at most one second)
query Stills($id: ID!) {
  asset(id: $id) {
    ... on UplynkAsset {
      frame(at: "00:00:12.500") { mimeType dataUrl }
      thumbnails(start: 12000, stop: 13000) { at mimeType base64 }
    }
  }
}`,
      variables: json({ id: first }),
    },
    {
      query: `# Video Jungle projects: their scripts (what generateAsset runs, with the parameters each needs) and assets
query Projects {
  projects(first: 5) {
    nodes { id name scripts { id name parameters { name description } } assets(first: 10) { nodes { id name status uploaded } } }
  }
}`,
    },
    {
      query: `# Uplynk's change feed; pass \`next\` as \`since\` to read on
query Changes($since: DateTime!) {
  changes(since: $since) { next changes { action at assetId asset { name } } }
}`,
      variables: json({ since: ids.changesSince }),
    },
    {
      query: `# A URL the provider fetches itself (files go through the GraphQL multipart request spec)
mutation UploadFromUrl {
  uploadAsset(input: { provider: TWELVE_LABS, url: "https://example.com/keynote.mp4", metadata: { campaign: "spring" } }) {
    asset { id status }
    userErrors { code field message }
  }
}`,
    },
    {
      query: `# Too large to send through the API: a presigned POST (Video Jungle) or multipart parts (Twelve Labs)
mutation UploadTarget {
  createUploadTarget(input: { provider: TWELVE_LABS, filename: "master.mp4", mimeType: "video/mp4", sizeBytes: 3000000000 }) {
    uploadTarget { method uploadId chunkSizeBytes parts { partNumber url } asset { id } }
    userErrors { code field }
  }
}`,
    },
    {
      query: `# Video Jungle: run a project's script (its id and parameter names come from Project.scripts)
mutation Generate($input: GenerateAssetInput!) {
  generateAsset(input: $input) {
    asset { id status }
    userErrors { code field message }
  }
}`,
      variables: json({
        input: { projectId: ids.project, scriptId: ids.scriptId, parameters: ids.scriptParameters.map((name) => ({ name, value: `a ${name}` })) },
      }),
    },
    {
      query: `# Video Jungle: render an edit of a project's assets into a new one
mutation RenderEdit($input: RenderEditInput!) {
  renderEdit(input: $input) {
    editId
    asset { id status }
    userErrors { code field message }
  }
}`,
      variables: json({
        input: {
          projectId: ids.project,
          edit: {
            filename: 'reel.mp4',
            resolution: '1080x1920',
            fps: 30,
            clips: [{ type: 'asset', videoId: ids.projectAsset, start: '00:00:01', end: '00:00:04.500' }],
          },
        },
      }),
    },
    {
      query: `# Uplynk: update ({} clears metadata)
mutation Rename($id: ID!) {
  updateAsset(input: { id: $id, name: "Final cut", metadata: {}, requireDrm: true }) {
    asset { name }
    userErrors { code field }
  }
}`,
      variables: json({ id: first }),
    },
    {
      query: `# Any provider: delete (Uplynk in one call per 1,000 ids)
mutation Delete($ids: [ID!]!) {
  deleteAssets(input: { ids: $ids, force: false }) {
    deletedIds
    userErrors { code field message }
    failedProviders { provider code }
  }
}`,
      variables: json({ ids: [ids.deletable] }),
    },
    {
      query: `# The current state, then each change of status (or url, duration, size); completes when all are terminal
subscription StatusChanges($ids: [ID!]!) {
  assetStatusChanged(ids: $ids) { id status providerStatus url }
}`,
      variables: json({ ids: [ids.processingTwelveLabs] }),
    },
    {
      query: `# Changes as they happen: Uplynk's feed natively, transitions the poller observes for the others
subscription UplynkChanges {
  assetChanges(provider: UPLYNK) { action at assetId asset { name } }
}`,
    },
  ];
}
