/*
 * Mirage.NET x86_64 boot stub and architecture layer for Xen PVH.
 *
 * Entered in 32-bit protected mode with paging off, either through the Xen PVH entry
 * (ELF note XEN_ELFNOTE_PHYS32_ENTRY; %ebx = hvm_start_info) or through Multiboot
 * (%eax = 0x2BADB002, %ebx = multiboot_info, used by boot loaders and by plain QEMU).
 * It identity-maps the first 4 GiB, enters long mode, enables SSE, sets up a stack,
 * thread-local storage and an IDT, and calls into C#:
 *   mirage_runtime_initialize(__modules_start, __modules_end)   (Mirage.CoreLib)
 *   mirage_xen_x64_initialize()                                 (platform binding)
 *   __managed__Main(0, 0)                                       (ilc's entry)
 *   mirage_platform_exit(result)
 * Everything else here is a primitive the C# binding cannot express: port I/O, CPUID,
 * MSRs, the hypercall page, interrupts, and the register conventions ilc requires
 * (interface dispatch stubs, write barriers).
 */
        .intel_syntax noprefix

        .set MULTIBOOT_MAGIC, 0x1BADB002
        .set MULTIBOOT_FLAGS, 0x00010002         /* memory info, a.out kludge (load addresses below) */

/* ---- Xen ELF note: PVH entry point ---- */
        .section .note.Xen, "a", @note
        .p2align 2
        .long 4, 8, 18                           /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
        .asciz "Xen"
        .long _start_pvh, 0

/* ---- Multiboot header (must be in the first 8 KiB of the file) ---- */
        .section .multiboot, "a"
        .p2align 2
multiboot_header:
        .long MULTIBOOT_MAGIC, MULTIBOOT_FLAGS, -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)
        .long multiboot_header, __image_start, __load_end, __bss_end, _start_multiboot

        .section .text.boot, "ax"
        .code32
        .globl _start_pvh
_start_pvh:
        mov   edi, 1                             /* boot protocol 1 = PVH */
        jmp   common32

        .globl _start_multiboot
_start_multiboot:
        mov   edi, 2                             /* boot protocol 2 = Multiboot */
        cmp   eax, 0x2BADB002
        je    common32
        mov   edi, 0

common32:
        cli
        cld
        mov   esi, ebx
        mov   ebx, edi                           /* boot protocol */
        rdtsc
        mov   ebp, eax                           /* first-instruction TSC, low half */
                                                 /* (high half stays in edx) */
        /* zero .bss (page tables, stack and TLS live there). No stack yet: PVH leaves esp
           undefined, so everything stays in registers. */
        mov   edi, offset __bss_start
        mov   ecx, offset __bss_end
        sub   ecx, edi
        xor   eax, eax
        rep   stosb
        mov   [boot_protocol], ebx
        mov   [boot_info], esi
        mov   [boot_tsc], ebp
        mov   [boot_tsc + 4], edx

        /* Identity map 0..4 GiB with 2 MiB pages: PML4[0] -> PDPT, PDPT[0..3] -> PD[0..3]. */
        mov   eax, offset pdpt
        or    eax, 3
        mov   [pml4], eax
        mov   edi, offset pdpt
        mov   eax, offset pd
        or    eax, 3
        mov   ecx, 4
1:      mov   [edi], eax
        add   eax, 4096
        add   edi, 8
        loop  1b
        mov   edi, offset pd
        mov   eax, 0x83                          /* present | writable | 2 MiB */
        mov   ecx, 2048
2:      mov   [edi], eax
        add   eax, 0x200000
        add   edi, 8
        loop  2b
        /* The first 2 MiB in 4 KiB pages, page 0 left out: a null dereference faults (and
           becomes a NullReferenceException) instead of reading the zero page. */
        mov   edi, offset pt_low
        mov   eax, 0x1003                        /* page 1: present | writable */
        mov   ecx, 511
        add   edi, 8
3:      mov   [edi], eax
        add   eax, 0x1000
        add   edi, 8
        loop  3b
        mov   eax, offset pt_low
        or    eax, 3
        mov   [pd], eax

        mov   eax, cr4
        or    eax, (1 << 5) | (1 << 9) | (1 << 10)   /* PAE | OSFXSR | OSXMMEXCPT */
        mov   cr4, eax
        mov   eax, offset pml4
        mov   cr3, eax
        mov   ecx, 0xC0000080                    /* EFER */
        rdmsr
        or    eax, 1 << 8                        /* LME */
        wrmsr
        mov   eax, cr0
        and   eax, ~(1 << 2)                     /* EM off: SSE instructions execute */
        or    eax, (1 << 31) | (1 << 1) | 1      /* PG | MP | PE */
        mov   cr0, eax
        lgdt  [gdt_pointer]
        ljmp  0x08, offset start64

        .code64
start64:
        mov   ax, 0x10
        mov   ds, ax
        mov   es, ax
        mov   ss, ax
        xor   eax, eax
        mov   fs, ax
        mov   gs, ax
        lea   rsp, [rip + stack_top]

        /* Thread-local storage (x86-64 variant II): FS points at the thread control block,
           right after the TLS block, and the TCB's first word points at itself. ilc keeps
           [ThreadStatic] fields there; the linker relaxes its accesses to fs-relative loads. */
        lea   rdi, [rip + __tls_start]
        lea   rsi, [rip + __tdata_start]
        lea   rcx, [rip + __tdata_end]
        sub   rcx, rsi
        rep   movsb
        lea   rax, [rip + __tcb]
        mov   [rax], rax
        mov   rdx, rax
        shr   rdx, 32
        mov   ecx, 0xC0000100                    /* FS_BASE */
        wrmsr

        call  install_idt

        lea   rdi, [rip + __modules_start]
        lea   rsi, [rip + __modules_end]
        call  mirage_runtime_initialize
        call  mirage_xen_x64_initialize
        xor   edi, edi
        xor   esi, esi
        call  __managed__Main
        mov   edi, eax
        call  mirage_platform_exit
3:      cli
        hlt
        jmp   3b

/* ---- IDT: exceptions report and stop; vector 0x20 is the Xen event-channel upcall ---- */
install_idt:
        lea   rdi, [rip + idt]
        lea   rsi, [rip + exception_stubs]
        xor   ecx, ecx
4:      mov   rax, rsi
        mov   [rdi], ax                          /* offset 15:0 */
        mov   word ptr [rdi + 2], 0x08           /* code segment */
        mov   word ptr [rdi + 4], 0x8E00         /* present, interrupt gate */
        shr   rax, 16
        mov   [rdi + 6], ax                      /* offset 31:16 */
        shr   rax, 16
        mov   [rdi + 8], eax                     /* offset 63:32 */
        mov   dword ptr [rdi + 12], 0
        add   rdi, 16
        add   rsi, 16
        inc   ecx
        cmp   ecx, 33
        jne   4b
        lidt  [rip + idt_pointer]
        ret

        .macro EXCEPTION vector, has_error
        .p2align 4
        .if \has_error == 0
        push  0
        .endif
        push  \vector
        jmp   exception_common
        .endm

        .p2align 4
exception_stubs:
        EXCEPTION 0, 0
        EXCEPTION 1, 0
        EXCEPTION 2, 0
        EXCEPTION 3, 0
        EXCEPTION 4, 0
        EXCEPTION 5, 0
        EXCEPTION 6, 0
        EXCEPTION 7, 0
        EXCEPTION 8, 1
        EXCEPTION 9, 0
        EXCEPTION 10, 1
        EXCEPTION 11, 1
        EXCEPTION 12, 1
        EXCEPTION 13, 1
        EXCEPTION 14, 1
        EXCEPTION 15, 0
        EXCEPTION 16, 0
        EXCEPTION 17, 1
        EXCEPTION 18, 0
        EXCEPTION 19, 0
        EXCEPTION 20, 0
        EXCEPTION 21, 1
        EXCEPTION 22, 0
        EXCEPTION 23, 0
        EXCEPTION 24, 0
        EXCEPTION 25, 0
        EXCEPTION 26, 0
        EXCEPTION 27, 0
        EXCEPTION 28, 0
        EXCEPTION 29, 1
        EXCEPTION 30, 1
        EXCEPTION 31, 0
        .p2align 4
        /* Vector 0x20: Xen's callback vector. Clear evtchn_upcall_pending (Xen re-injects the
           vector for as long as it is set). The C# loop never waits for it: it idles in
           SCHEDOP_poll and scans the pending bitmap after every wake-up. */
        push  rax
        mov   rax, [rip + upcall_pending_byte]
        test  rax, rax
        jz    5f
        mov   byte ptr [rax], 0
5:      pop   rax
        iretq

        /* exceptions.S: a fault in managed code becomes a .NET exception (null page, divide
           error); anything else is reported by mirage_arch_fault (C#), which stops. */
exception_common:
        jmp   mirage_eh_cpu_exception

/* ---- primitives for the C# platform binding ---- */
        .text
        .globl mirage_arch_boot_protocol
mirage_arch_boot_protocol:
        mov   eax, [rip + boot_protocol]
        ret

        .globl mirage_arch_boot_info
mirage_arch_boot_info:
        mov   eax, [rip + boot_info]
        ret

        .globl mirage_arch_boot_tsc
mirage_arch_boot_tsc:
        mov   rax, [rip + boot_tsc]
        ret

        .globl mirage_arch_image_end
mirage_arch_image_end:
        lea   rax, [rip + __image_end]
        ret

        .globl mirage_arch_rdtsc
mirage_arch_rdtsc:
        rdtsc
        shl   rdx, 32
        or    rax, rdx
        ret

        /* void mirage_arch_cpuid(uint leaf, uint subleaf, uint* eax_ebx_ecx_edx) */
        .globl mirage_arch_cpuid
mirage_arch_cpuid:
        push  rbx
        mov   r8, rdx
        mov   eax, edi
        mov   ecx, esi
        cpuid
        mov   [r8], eax
        mov   [r8 + 4], ebx
        mov   [r8 + 8], ecx
        mov   [r8 + 12], edx
        pop   rbx
        ret

        .globl mirage_arch_wrmsr
mirage_arch_wrmsr:
        mov   ecx, edi
        mov   rax, rsi
        mov   rdx, rsi
        shr   rdx, 32
        wrmsr
        ret

        .globl mirage_arch_outb
mirage_arch_outb:
        mov   edx, edi
        mov   eax, esi
        out   dx, al
        ret

        .globl mirage_arch_inb
mirage_arch_inb:
        mov   edx, edi
        xor   eax, eax
        in    al, dx
        ret

        .globl mirage_arch_hypercall_page
mirage_arch_hypercall_page:
        lea   rax, [rip + hypercall_page]
        ret

        /* int mirage_arch_test_and_clear_bit(ulong* word, int bit): clears the bit with a locked
           instruction and returns its old value (0 or 1). Xen sets pending bits from other physical CPUs
           with locked operations; a plain read-modify-write here could undo one it set meanwhile. */
        .globl mirage_arch_test_and_clear_bit
mirage_arch_test_and_clear_bit:
        xor   eax, eax
        movsxd rsi, esi
        lock btr qword ptr [rdi], rsi
        setc  al
        ret

        /* long mirage_arch_hypercall(long op, long a1, long a2, long a3, long a4, long a5):
           Xen's 64-bit convention is rdi, rsi, rdx, r10, r8 through the hypercall page. */
        .globl mirage_arch_hypercall
mirage_arch_hypercall:
        mov   rax, rdi
        shl   rax, 5
        lea   r11, [rip + hypercall_page]
        add   rax, r11
        mov   rdi, rsi
        mov   rsi, rdx
        mov   rdx, rcx
        mov   r10, r8
        mov   r8, r9
        jmp   rax                                /* the page's stub returns to our caller */

        /* Where the upcall stub clears evtchn_upcall_pending (vcpu_info of vCPU 0). */
        .globl mirage_arch_set_upcall_pending_byte
mirage_arch_set_upcall_pending_byte:
        mov   [rip + upcall_pending_byte], rdi
        ret

        /* Without Xen: wait for any interrupt (there are none enabled: this only ends a wait). */
        .globl mirage_arch_halt
mirage_arch_halt:
        sti
        hlt
        cli
        ret

/* ---- ilc's register-convention helpers ---- */

        /* Interface dispatch, first call at a site: r11 = cell, rdi = this. All argument
           registers (integer and xmm0-7) must survive into the target. */
        .globl RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
        push  rdi
        push  rsi
        push  rdx
        push  rcx
        push  r8
        push  r9
        sub   rsp, 8 * 16 + 8
        movdqu [rsp + 0x00], xmm0
        movdqu [rsp + 0x10], xmm1
        movdqu [rsp + 0x20], xmm2
        movdqu [rsp + 0x30], xmm3
        movdqu [rsp + 0x40], xmm4
        movdqu [rsp + 0x50], xmm5
        movdqu [rsp + 0x60], xmm6
        movdqu [rsp + 0x70], xmm7
        mov   rsi, r11
        call  mirage_runtime_resolve_interface
        movdqu xmm0, [rsp + 0x00]
        movdqu xmm1, [rsp + 0x10]
        movdqu xmm2, [rsp + 0x20]
        movdqu xmm3, [rsp + 0x30]
        movdqu xmm4, [rsp + 0x40]
        movdqu xmm5, [rsp + 0x50]
        movdqu xmm6, [rsp + 0x60]
        movdqu xmm7, [rsp + 0x70]
        add   rsp, 8 * 16 + 8
        pop   r9
        pop   r8
        pop   rcx
        pop   rdx
        pop   rsi
        pop   rdi
        jmp   rax

        /* Interface dispatch after the first call: r11 = cell whose cache word points at a
           Mirage.CoreLib DispatchCache (interface, slot, next, then {type, target} entries ending
           with a null type). A hit costs one load per entry and a jump. */
        .globl mirage_dispatch_cached
mirage_dispatch_cached:
        mov   rax, [rdi]                         /* receiver's MethodTable (null receiver: slow path reports it) */
        mov   r10, [r11 + 8]
        add   r10, 24
7:      cmp   qword ptr [r10], 0
        je    RhpInitialDynamicInterfaceDispatch
        cmp   rax, [r10]
        je    8f
        add   r10, 16
        jmp   7b
8:      jmp   [r10 + 8]

        .globl mirage_arch_dispatch_cached_stub
mirage_arch_dispatch_cached_stub:
        lea   rax, [rip + mirage_dispatch_cached]
        ret

        /* Write barriers (docs/gc.md): the store, then, when a non-null reference lands in the
           heap, the card of the slot is marked so that a minor collection finds old objects
           that may now refer to young ones. The JIT lets RhpAssignRef trash every
           caller-saved register and RhpByRefAssignRef rax and rcx (besides rdi, rsi). Before
           the heap is laid out its size is 0 and no card is marked. */
        /* Marks the card of the slot at rdi (a non-null reference was just stored there), or
           jumps to the caller's next "1:" when the slot is outside the heap. Trashes rax. */
        .macro MARK_CARD_OF_RDI
        mov   rax, rdi
        sub   rax, [rip + write_barrier_heap_start]
        cmp   rax, [rip + write_barrier_heap_size]
        jae   1f
        shr   rax, 9
        add   rax, [rip + write_barrier_cards]
        mov   byte ptr [rax], 1
        .endm

        .globl RhpAssignRef
RhpAssignRef:
        .globl RhpCheckedAssignRef
RhpCheckedAssignRef:
        mov   [rdi], rsi
        test  rsi, rsi
        jz    1f
        MARK_CARD_OF_RDI
1:      ret

        /* *rdi = *rsi; rdi += 8; rsi += 8 (struct copies containing references) */
        .globl RhpByRefAssignRef
RhpByRefAssignRef:
        mov   rcx, [rsi]
        mov   [rdi], rcx
        test  rcx, rcx
        jz    1f
        MARK_CARD_OF_RDI
1:      add   rdi, 8
        add   rsi, 8
        ret

        /* (heap start, heap size, card table): Mirage.CoreLib's CardTable.Initialize */
        .globl mirage_gc_set_write_barrier_table
mirage_gc_set_write_barrier_table:
        mov   [rip + write_barrier_heap_start], rdi
        mov   [rip + write_barrier_heap_size], rsi
        mov   [rip + write_barrier_cards], rdx
        ret

        /* JIT helper for large zero-initializations, and the collector's zeroing of the memory it
           hands out: eight bytes per iteration (under TCG every iteration of a rep string
           instruction costs about the same, whatever its width), then the tail bytewise. */
        .globl memset
memset:
        mov   r8, rdi
        movzx eax, sil
        mov   r9, 0x0101010101010101
        imul  rax, r9
        mov   rcx, rdx
        shr   rcx, 3
        rep   stosq
        mov   rcx, rdx
        and   rcx, 7
        rep   stosb
        mov   rax, r8
        ret

        .globl memcpy
memcpy:
        mov   rax, rdi
        mov   rcx, rdx
        rep   movsb
        ret

        /* The garbage collector's roots (docs/gc.md): spill the callee-saved registers, which
           may hold the only reference to an object a caller is using, next to the stack, then
           let C# scan from here up with the image's writable data ranges. */
        .globl mirage_platform_gc_roots
mirage_platform_gc_roots:
        push  rbp
        push  rbx
        push  r12
        push  r13
        push  r14
        push  r15
        sub   rsp, 8                             /* 16-byte alignment for the call */
        mov   rdi, rsp
        lea   rsi, [rip + gc_root_ranges]
        call  mirage_gc_scan_roots
        add   rsp, 8
        pop   r15
        pop   r14
        pop   r13
        pop   r12
        pop   rbx
        pop   rbp
        ret

        .section .rodata
        .p2align 4
gdt:    .quad 0
        .quad 0x00AF9A000000FFFF                 /* 0x08: 64-bit code */
        .quad 0x00CF92000000FFFF                 /* 0x10: data */
gdt_pointer:
        .word gdt_pointer - gdt - 1
        .quad gdt
idt_pointer:
        .word 33 * 16 - 1
        .quad idt
        /* {writable data start, main stack bottom, main stack top, .bss end} */
        .p2align 3
gc_root_ranges:
        .quad __data_start, stack, stack_top, __bss_end

        .data
        .p2align 3
        /* Stack-protector cookie ilc's code compares against (methods with stackalloc). Kept in
           the image rather than imported: see the ARM note on data imports in docs. */
        .globl __security_cookie
__security_cookie:
        .quad 0x00002B992DDFA232
upcall_pending_byte:
        .quad 0
write_barrier_heap_start:
        .quad 0
write_barrier_heap_size:
        .quad 0
write_barrier_cards:
        .quad 0

        .section .bss
        .p2align 12
pml4:   .space 4096
pdpt:   .space 4096
pd:     .space 4096 * 4
pt_low: .space 4096
hypercall_page:
        .space 4096
idt:    .space 33 * 16
        .p2align 4
stack:  .space 256 * 1024
stack_top:
boot_protocol:  .space 4
boot_info:      .space 4
boot_tsc:       .space 8

        .section .note.GNU-stack, "", @progbits
