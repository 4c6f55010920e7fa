// The CrewAI TypeScript client as the seed write-ups use it (not published on npm).
declare module "@crewai/typescript" {
  export interface CrewClientOptions {
    apiKey?: string;
    baseUrl?: string;
  }
  export interface Agent {
    id: string;
    name: string;
  }
  export class CrewClient {
    constructor(options: CrewClientOptions);
    agents: {
      create(input: { name: string; goal: string }): Promise<Agent>;
      run(agentId: string, input: { ticketId: string }): Promise<{ output: string }>;
    };
  }
}
