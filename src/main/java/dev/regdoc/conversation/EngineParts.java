package dev.regdoc.conversation;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.knowledge.KnowledgeBase;
import java.time.Clock;

/** What the engine's parts share; built once by {@link ConversationEngine}. */
record EngineParts(
    KnowledgeBase kb,
    FindingTexts texts,
    Analyzer analyzer,
    CaseStore store,
    Phrases phrases,
    ChecklistGuide checklist,
    Illustrator illustrator,
    EngineSettings settings,
    Clock clock) {}
