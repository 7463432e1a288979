import type { z } from 'zod';
import { badInput, InvalidInputError, NotFoundError, ProviderError } from '../../errors/domain.js';
import type { ProviderHttp } from '../http/index.js';
import type { GenerateInput, ProjectInput, ProjectWriter, VideoEdit, VideoJungleAsset } from './types.js';
import type { Project } from '../types.js';
import { checkVideoEdit, toVideoEditCreate } from './edit.js';
import { pythonUrlencode, uuidPath } from './paths.js';
import { VJ_UUID, vjAnything, vjCreated, vjEditCreated, vjGenerated } from './wire.js';

export const JSON_BODY = { 'content-type': 'application/json' };

/**
 * Reads back what a write just created. Should that read fail, the thing still exists upstream, so the
 * error names it: the caller can find it rather than create it twice.
 */
export async function readBack<T>(created: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const detail = `${error.detail} (reading back ${created}, which was created)`;
    throw new ProviderError(error.kind, error.provider, error.endpoint, detail, { ...error.options, cause: error });
  }
}

/** What generate would be refused for, with the input field at fault. */
function checkGenerate(input: GenerateInput): void {
  const names = new Set<string>();
  input.parameters.forEach(({ name }, i) => {
    const field = `parameters.${i}.name`;
    if (name === '') throw badInput('a generate parameter needs a name', { field });
    if (names.has(name)) throw badInput(`the generate parameter ${JSON.stringify(name)} is given twice`, { field });
    names.add(name);
  });
  if (input.prompt !== undefined && input.prompt.trim() === '') {
    throw badInput('prompt must not be empty when given', { field: 'prompt' });
  }
}

/** The project a generation runs in; NOT_FOUND on `projectId` when there is none. */
async function projectToGenerate(getProject: (id: string) => Promise<Project>, projectId: string): Promise<Project> {
  try {
    return await getProject(projectId);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'NOT_FOUND') throw new NotFoundError('VIDEO_JUNGLE', projectId, 'project', ['projectId']);
    throw error;
  }
}

/**
 * The script's declared parameters, checked before the generate call (the project lists its scripts
 * and their inputs): an unknown script is NOT_FOUND on `scriptId`, a parameter left out is REQUIRED on
 * `parameters`, naming it. A project that lists no scripts leaves the check to the generate call.
 */
function checkScriptParameters(project: Project, input: GenerateInput): void {
  if (!project.scripts) return;
  const script = project.scripts.find((s) => s.id === input.scriptId);
  if (!script) throw new NotFoundError('VIDEO_JUNGLE', input.scriptId, 'script', ['scriptId']);
  const given = new Set(input.parameters.map((p) => p.name));
  const missing = script.parameters.map((p) => p.name).filter((name) => !given.has(name));
  if (missing.length === 0) return;
  throw new InvalidInputError(
    `Missing script parameter${missing.length > 1 ? 's' : ''}: ${missing.map((n) => JSON.stringify(n)).join(', ')} (the script takes ${script.parameters.map((p) => p.name).join(', ')})`,
    { field: ['parameters'], reason: 'REQUIRED' },
  );
}

/**
 * The input a refusal of generate is about, from FastAPI's `detail`: the path names a project and a
 * script, and the query holds the parameters [I: the server's wording is undocumented; these are the
 * sandbox's "Project not found", "Script not found", "Missing script parameter: …"]. Unknown: none.
 */
function atGenerateField(error: unknown): unknown {
  if (!(error instanceof ProviderError) || (error.kind !== 'NOT_FOUND' && error.kind !== 'REJECTED')) return error;
  const { kind, provider, endpoint, detail, options } = error;
  const field = /parameter/i.test(detail) ? 'parameters' : /script/i.test(detail) ? 'scriptId' : /project/i.test(detail) ? 'projectId' : undefined;
  return field ? new ProviderError(kind, provider, endpoint, detail, { ...options, field: [field] }) : error;
}

/**
 * Projects, generation and rendered edits. Every write answers with ids only, so the client then reads
 * what it created, as the SDK does. None of these POSTs is retried: each creates something.
 */
export function createVjProjectWriter(http: ProviderHttp, read: ProjectReads): ProjectWriter {
  return new VideoJungleProjectWriter(http, read);
}

interface ProjectReads {
  fetchAsset(id: string): Promise<VideoJungleAsset>;
  getProject(id: string): Promise<Project>;
}

class VideoJungleProjectWriter implements ProjectWriter {
  constructor(
    private readonly http: ProviderHttp,
    private readonly read: ProjectReads,
  ) {}

  /** The SDK's body: the generation method goes both in `data` and in `template_key`. */
  async createProject(input: ProjectInput): Promise<Project> {
    if (input.name.trim() === '') throw badInput('a project needs a name');
    if (input.promptId !== undefined && !VJ_UUID.test(input.promptId)) throw badInput('promptId must be a UUID');
    const method = input.generationMethod ?? 'prompt-to-video';
    if (method.trim() === '') throw badInput('generationMethod must not be empty when given');
    const body = {
      name: input.name,
      description: input.description ?? '',
      data: method,
      template_key: method,
      prompt_id: input.promptId,
    };
    const created = await this.http.request({
      method: 'POST',
      path: '/projects',
      endpoint: 'POST /projects',
      headers: JSON_BODY,
      body: JSON.stringify(body),
      schema: vjCreated,
    });
    return readBack(`project ${created.id}`, () => this.read.getProject(created.id));
  }

  async deleteProject(id: string): Promise<void> {
    const path = `/projects/${uuidPath(id, 'project')}`;
    await this.http.request({ method: 'DELETE', path, endpoint: 'DELETE /projects/{id}', schema: vjAnything });
  }

  /**
   * The current SDK's form: the script parameters ARE the query string (values always strings), and
   * a custom prompt goes in the body as generate_with_custom_prompt sends it.
   */
  async generate(input: GenerateInput): Promise<VideoJungleAsset> {
    const base = `/projects/${uuidPath(input.projectId, 'project', 'projectId')}/${uuidPath(input.scriptId, 'script', 'scriptId')}/generate`;
    checkGenerate(input);
    await checkScriptParameters(await projectToGenerate((id) => this.read.getProject(id), input.projectId), input);
    const query = pythonUrlencode(input.parameters);
    const body =
      input.prompt === undefined
        ? {}
        : {
            headers: JSON_BODY,
            body: JSON.stringify({ prompt: input.prompt, prompt_persona: input.promptPersona ?? '', render_prompt: false }),
          };
    let reply: z.infer<typeof vjGenerated>;
    try {
      reply = await this.http.request({
        method: 'POST',
        path: query ? `${base}?${query}` : base,
        endpoint: 'POST /projects/{id}/{script_id}/generate',
        ...body,
        schema: vjGenerated,
      });
    } catch (error) {
      throw atGenerateField(error);
    }
    return readBack(`asset ${reply.asset_id}`, () => this.read.fetchAsset(reply.asset_id));
  }

  async renderEdit(projectId: string, edit: VideoEdit): Promise<{ asset: VideoJungleAsset; editId: string }> {
    const path = `/projects/${uuidPath(projectId, 'project')}/create-edit`;
    checkVideoEdit(edit);
    const reply = await this.http.request({
      method: 'POST',
      path,
      endpoint: 'POST /projects/{id}/create-edit',
      headers: JSON_BODY,
      body: JSON.stringify(toVideoEditCreate(edit)),
      schema: vjEditCreated,
    });
    const asset = await readBack(`asset ${reply.asset_id} of edit ${reply.edit_id}`, () => this.read.fetchAsset(reply.asset_id));
    return { asset, editId: reply.edit_id };
  }
}
