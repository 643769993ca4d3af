package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one YAML reader of every knowledge-base file. A key written twice is an error: YAML would
 * keep the last silently and lose the first text without a word.
 */
public final class KnowledgeYaml {
  public static final ObjectMapper MAPPER =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

  private KnowledgeYaml() {}
}
