//! Words of the messages about files: what cannot be read or written and why, the lock held
//! by another dmat, what a folder walk passed over, and the mark of a warning in
//! `path:line:column: warning: sentence`.

use super::words;

words! {
    /// Messages about files, the lock and folder walks.
    FileWords {
        warning: "警告：", "warning: ";
        act_read: "读取", "read";
        act_write: "写入", "write";
        act_create: "创建", "create";
        act_lock: "锁定", "lock";
        act_remove: "删除", "remove";
        act_replace: "替换", "replace";
        not_found: "文件不存在", "it does not exist";
        is_folder: "这是一个文件夹，请指定文件", "it is a folder; name a file";
        permission_denied: "没有权限", "permission denied";
        not_utf8: "不是 UTF-8 文本", "it is not UTF-8 text";
        already_there: "已有同名文件，dmat 从不替换它", "a file of that name is there already, and it is never replaced";
        folder_not_file: "这是一个文件夹，不是文件；请指定其中的文件", "this is a folder, not a file; name a file in it";
        link_in_the_way: "dmat 要写入自己的文件的位置上是一个符号链接；dmat 不动它，删除它后再继续", "a symbolic link stands where dmat writes a file of its own; it is left alone, remove it to go on";
        not_regular: "不是普通文件（而是设备、管道或套接字）；dmat 只读取普通文件", "not a regular file (a device, a pipe or a socket); dmat reads only regular files";
        lock_changing: "锁文件不断变化", "the lock file keeps changing";
        too_many_links: "符号链接层数过多", "too many levels of symbolic links";
        demo_not_ours: "该文件已存在，且不是 dmat demo 生成的；没有写入任何文件（请换一个文件夹）", "it is there already and dmat demo did not write it; nothing was written (choose another folder)";
    }
    messages {
        cannot(path: &str, action: &str, why: &str): "{path}: 无法{action}该文件：{why}", "{path}: cannot {action} the file: {why}";
        locked(path: &str): "{path}: 这份评估已在另一个 dmat 中打开；请先在那里关闭", "{path}: this assessment is open in another dmat; close it there first";
        locked_by(path: &str, pid: u32): "{path}: 这份评估已在另一个 dmat（进程 {pid}）中打开；请先在那里关闭", "{path}: this assessment is open in another dmat (process {pid}); close it there first";
        too_large(path: &str, mib: &str, max: u64): "{path}: 文件大小为 {mib} MiB；dmat 只读取不超过 {max} MiB 的文件（一份评估只有几 KB）", "{path}: the file holds {mib} MiB; dmat reads files of at most {max} MiB (an assessment takes a few kilobytes)";
        hard_linked(path: &str, links: u64): "{path}: 这个文件有 {links} 个名字（硬链接）；保存会替换文件，从而把它们拆开，所以 dmat 只编辑只有一个名字的文件：请删除其他名字，或为它复制一份自己的副本（cp 文件 副本 && mv 副本 文件）", "{path}: this file has {links} names (hard links); saving replaces the file, which would part them, so dmat edits only a file with one name: remove the other names, or give this one its own copy (cp FILE COPY && mv COPY FILE)";
        not_utf8_at(byte: u8): "文件不是 UTF-8 文本（此处的字节为 0x{byte:02x}）；请另存为 UTF-8", "the file is not UTF-8 text (byte 0x{byte:02x} here); save it as UTF-8";
        unknown_questionnaire(id: &str): "问卷 `{id}` 既不是内置问卷，也不在工作区的 questionnaires 文件夹中；请用 --questionnaire PATH 指定", "questionnaire `{id}` is neither bundled nor in the workspace's questionnaires folder; pass it with --questionnaire PATH";
        questionnaire_changed(id: &str, source: &str): "问卷 `{id}` 在本次走访开始后有改动（摘要不同）；按 {source} 评估", "questionnaire `{id}` has changed since this visit began (its digest differs); using {source}";
        walk_loop(path: &str): "{path}: 警告：指回已搜索过的文件夹的链接；已跳过", "{path}: warning: a link back into a folder already searched; passed over";
        walk_same(path: &str, first: &str): "{path}: 警告：与 {first} 是同一个文件；只计一次", "{path}: warning: the same file as {first}; counted once";
        walk_not_regular(path: &str): "{path}: 警告：不是普通文件（而是管道或设备）；已跳过", "{path}: warning: not a regular file (a pipe or a device); passed over";
        walk_unreadable(path: &str, why: &str): "{path}: 警告：无法读取（{why}）；已跳过", "{path}: warning: cannot be read ({why}); passed over";
    }
}
