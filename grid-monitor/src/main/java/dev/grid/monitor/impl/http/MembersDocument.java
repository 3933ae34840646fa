package dev.grid.monitor.impl.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grid.core.GridMember;
import dev.grid.core.PartitionDistribution;
import dev.grid.monitor.impl.cluster.MemberView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/members}: the members, oldest first, each with what it last published about itself.
 *
 * @param cluster the cluster's name
 * @param count   how many members
 * @param members the members
 */
record MembersDocument(String cluster, int count, List<Member> members) {

    static MembersDocument of(MonitorState state) {
        Map<String, MemberView> views = new HashMap<>();
        state.memberViews().forEach(view -> views.put(view.id(), view));
        PartitionDistribution distribution = state.distribution();
        List<Member> members = new ArrayList<>();
        for (GridMember member : state.members()) {
            int owned = distribution.ownedCounts().getOrDefault(member, 0);
            members.add(Member.of(member, members.isEmpty(), owned, views.get(member.id().toString())));
        }
        return new MembersDocument(state.clusterName(), members.size(), members);
    }

    /** One member; the fields after {@code partitionsOwned} come from its published view, absent until it has published one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Member(String id, String address, boolean local, boolean oldest, int partitionsOwned, String url, Long startedAt,
                  Long updatedAt, Long heapUsed, Long heapMax, Long offHeapReserved, Long offHeapUsed, Long offHeapBudget, Long entries,
                  Long backupEntries, Boolean cpLeader) {

        static Member of(GridMember member, boolean oldest, int owned, MemberView view) {
            String id = member.id().toString();
            if (view == null) {
                return new Member(id, member.address(), member.local(), oldest, owned, null, null, null, null, null, null, null, null, null,
                        null, null);
            }
            return new Member(id, member.address(), member.local(), oldest, owned, view.url(), view.startedAt(), view.updatedAt(),
                    view.heapUsed(), view.heapMax(), view.offHeapReserved(), view.offHeapUsed(), view.offHeapBudget(), view.entries(),
                    view.backupEntries(), view.cpLeader());
        }
    }
}
