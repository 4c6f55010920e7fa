import { ChatOpenAI } from "@langchain/openai";
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { webSearch } from "../tools/web-search";

const model = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });

const SupportState = Annotation.Root({
  question: Annotation<string>,
  answer: Annotation<string>,
});

async function answer(state: typeof SupportState.State) {
  const context = await webSearch(state.question);
  const reply = await model.invoke(`Answer the support question: ${state.question}\n\nSearch results:\n${context}`);
  return { answer: String(reply.content) };
}

export const supportGraph = new StateGraph(SupportState)
  .addNode("answer", answer)
  .addEdge(START, "answer")
  .addEdge("answer", END)
  .compile();
