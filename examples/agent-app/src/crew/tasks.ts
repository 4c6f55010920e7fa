import { CrewClient } from "@crewai/typescript";

// Built once at import time: the worker process never had CREWAI_API_KEY.
const client = new CrewClient({
  apiKey: process.env.CREWAI_API_KEY,
});

export async function runTask(ticketId: string) {
  const agent = await client.agents.create({
    name: "SupportAgent",
    goal: "Handle ticket triage",
  });
  return client.agents.run(agent.id, { ticketId });
}

export async function escalationApiKeyPresent(): Promise<boolean> {
  return Boolean(process.env.CREW_AI_KEY);
}
