package dev.regdoc.conversation;

import dev.regdoc.conversation.store.CaseRecord;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.conversation.store.ChatMessage;
import dev.regdoc.conversation.store.PointTally;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.conversation.store.UserProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real case store that counts how often the stored copy of a file is asked for: the engine asks
 * once per file each time it reads a case's files for an analysis, so the count is the number of
 * file reads.
 */
final class CountingCaseStore implements CaseStore {
  private final CaseStore store;
  private final AtomicInteger contentReads = new AtomicInteger();

  CountingCaseStore(CaseStore store) {
    this.store = store;
  }

  int contentReads() {
    return contentReads.get();
  }

  @Override
  public Optional<Path> content(String sha256) {
    contentReads.incrementAndGet();
    return store.content(sha256);
  }

  @Override
  public String keepContent(Path content) {
    return store.keepContent(content);
  }

  @Override
  public boolean firstDelivery(String key, Instant at) {
    return store.firstDelivery(key, at);
  }

  @Override
  public boolean firstDelivery(String key, String by, Instant at) {
    return store.firstDelivery(key, by, at);
  }

  @Override
  public Optional<String> joinToken(long caseId) {
    return store.joinToken(caseId);
  }

  @Override
  public CaseRecord newCase(String openedBy, Instant at) {
    return store.newCase(openedBy, at);
  }

  @Override
  public Optional<CaseRecord> findCase(long id) {
    return store.findCase(id);
  }

  @Override
  public CaseRecord save(CaseRecord c) {
    return store.save(c);
  }

  @Override
  public List<CaseRecord> recentCases(int limit) {
    return store.recentCases(limit);
  }

  @Override
  public Optional<Long> caseOfConversation(String conversation) {
    return store.caseOfConversation(conversation);
  }

  @Override
  public void bindConversation(String conversation, long caseId) {
    store.bindConversation(conversation, caseId);
  }

  @Override
  public StoredFile putFile(long caseId, String name, Path content, String uploadedBy, Instant at) {
    return store.putFile(caseId, name, content, uploadedBy, at);
  }

  @Override
  public List<StoredFile> files(long caseId) {
    return store.files(caseId);
  }

  @Override
  public int purgeExpired(Instant now) {
    return store.purgeExpired(now);
  }

  @Override
  public void appendMessage(ChatMessage m) {
    store.appendMessage(m);
  }

  @Override
  public List<ChatMessage> messages(long caseId) {
    return store.messages(caseId);
  }

  @Override
  public Optional<UserProfile> user(String userId) {
    return store.user(userId);
  }

  @Override
  public void saveUser(UserProfile profile) {
    store.saveUser(profile);
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public void recordPoints(String userId, String lesson, Map<String, Boolean> outcome, Instant at) {
    store.recordPoints(userId, lesson, outcome, at);
  }

  @Override
  public List<PointTally> pointTallies(String userId) {
    return store.pointTallies(userId);
  }

  @Override
  public List<String> usersNamed(String name) {
    return store.usersNamed(name);
  }
}
